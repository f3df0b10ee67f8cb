package dev.zipper.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates requests a careless or hostile client sends: malformed, oversized, deeply nested or
 * wrongly encoded bodies; control, format and lone-surrogate characters; wrong methods, media types
 * and parameters; strange paths; and seeded random mutations of a good body. Each may name the status
 * it must get; all of them must get no 5xx, and every error must be a problem.
 */
final class HostileRequests {

    /**
     * One request; {@code expected} 0 where any 4xx (or a 2xx, for a command that happens to be valid)
     * will do. {@code serverOwned}: a path the server answers itself before any application code runs
     * (the README lists them); its answer must still be no 5xx, but it is the server's page, not a problem.
     */
    record Hostile(String kind, String method, String target, List<String> headers, byte[] body, int expected,
                   boolean serverOwned) {

        Hostile(String kind, String method, String target, List<String> headers, byte[] body, int expected) {
            this(kind, method, target, headers, body, expected, false);
        }

        /** A POST to a command endpoint: a 2xx answer means one more event in the log. */
        boolean command() {
            return method.equals("POST") && target.startsWith(API + "accounts");
        }
    }

    static final String API = "/zipper/api/";
    private static final String JSON = "Content-Type: application/json";
    private static final String GOOD = "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}";

    private final List<Hostile> requests = new ArrayList<>();
    private final Random random = new Random(20261125);
    private final String account;

    /** @param account an existing account's id, for transitions */
    HostileRequests(String account) {
        this.account = account;
        malformedJson();
        deepNesting();
        charsetsAndMediaTypes();
        invalidUtf8();
        forbiddenCharacters();
        blankAndLongText();
        wrongShapes();
        sizes();
        parameters();
        pathsAndMethods();
        acceptHeaders();
        tokens();
        randomMutations(520);
        randomBytes(80);
    }

    List<Hostile> all() {
        return requests;
    }

    private void open(String kind, String body, int expected) {
        open(kind, JSON, body.getBytes(StandardCharsets.UTF_8), expected);
    }

    private void open(String kind, String contentType, byte[] body, int expected) {
        List<String> headers = contentType == null ? List.of() : List.of(contentType);
        requests.add(new Hostile(kind, "POST", API + "accounts", headers, body, expected));
    }

    private void request(String kind, String method, String target, int expected, String... headers) {
        requests.add(new Hostile(kind, method, target, List.of(headers), null, expected));
    }

    private void malformedJson() {
        for (String body : List.of(GOOD + "}", GOOD + " x", GOOD + "{}", GOOD + GOOD, GOOD + "\u0000", GOOD + ",",
                "{\"name\": \"Ada\", \"email\": \"ada@example.org\"", "{\"name\": \"Ada\" \"email\": \"a@b.c\"}",
                "{'name': 'Ada', 'email': 'ada@example.org'}", "{name: \"Ada\", email: \"ada@example.org\"}",
                "{\"name\": \"Ada\", \"email\": \"ada@example.org\",}", "{\"name\": \"Ada\\x41\", \"email\": \"a@b.c\"}",
                "{\"name\": \"Ada\\u00\", \"email\": \"a@b.c\"}", "{\"name\": \"Ada, \"email\": \"a@b.c\"}",
                "{\"name\": \"Ada\"\n, \"email\": \"a@b.c\"} // comment", "/* c */ " + GOOD, "\ufeff" + GOOD,
                "", " ", "null", "true", "42", "\"text\"", "[]", "[" + GOOD + "]", "{}", "{", "}", "[", "{\"\":1}",
                "{\"name\": NaN, \"email\": \"a@b.c\"}", "{\"name\": Infinity, \"email\": \"a@b.c\"}",
                "{\"name\": 01, \"email\": \"a@b.c\"}", "{\"name\": \"Ada\", \"email\": \"a@b.c\"}\n\n{",
                "\u0000\u0000\u0000\u0000", "{\"name\":\"Ada\",\"email\":\"a@b.c\"}\u2028")) {
            open("malformed JSON", body, 400);
        }
    }

    private void deepNesting() {
        for (int depth : new int[] {33, 64, 100, 1_000, 5_000, 20_000}) {
            nested(depth + " deep (arrays)", "[".repeat(depth) + "]".repeat(depth));
            nested(depth + " deep (objects)", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            nested(depth + " deep (unclosed)", "[".repeat(depth));
        }
    }

    /** Refused for its depth, or for its size first when it is over 64 KiB. */
    private void nested(String kind, String body) {
        open("nested " + kind, body, body.length() > 64 * 1024 ? 413 : 400);
    }

    private void charsetsAndMediaTypes() {
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        for (String charset : List.of("ebcdic", "utf-16", "UTF-16LE", "utf-32", "latin1", "ISO-8859-1", "us-ascii",
                "utf-7", "x-unknown", "\"\"")) {
            open("charset " + charset, "Content-Type: application/json; charset=" + charset, good, 415);
        }
        open("UTF-16 body", "Content-Type: application/json; charset=utf-16", GOOD.getBytes(StandardCharsets.UTF_16), 415);
        for (String type : List.of("text/plain", "application/xml", "text/json", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "image/png")) {
            open("media type " + type, "Content-Type: " + type, good, 415);
        }
        open("no content type", null, good, 415);
        for (String type : List.of(";;;", "json", "/", "application/")) {
            open("malformed content type " + type, "Content-Type: " + type, good, 400);
        }
        for (String type : List.of("application/json; charset", "application/json;;", "application/json; charset=\"utf-8",
                "application/json; charset=utf-8; charset=utf-16")) {
            open("odd content type " + type, "Content-Type: " + type, good, 0);
        }
    }

    private void invalidUtf8() {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
                {(byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xfe, (byte) 0xfe}};
        for (byte[] b : bad) {
            for (String field : List.of("name", "email")) {
                String before = field.equals("name") ? "{\"name\": \"Ad" : "{\"name\": \"Ada\", \"email\": \"ada";
                String after = field.equals("name") ? "a\", \"email\": \"ada@example.org\"}" : "@example.org\"}";
                byte[] body = concat(before.getBytes(StandardCharsets.UTF_8), b, after.getBytes(StandardCharsets.UTF_8));
                open("invalid UTF-8 in " + field, JSON, body, 400);
            }
        }
    }

    private void forbiddenCharacters() {
        List<Integer> refused = new ArrayList<>();
        for (int c = 0; c < 0x20; c++) {
            refused.add(c);
        }
        refused.addAll(List.of(0x7f, 0x85, 0x9b, 0x200b, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
                0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff, 0x2028, 0x2029, 0xfff9, 0xd800, 0xdc00, 0xdbff,
                0xfffe, 0xffff, 0xfdd0, 0xfdef)); // noncharacters too: never text
        for (int c : refused) {
            String escaped = String.format("\\u%04x", c);
            open("escaped U+" + Integer.toHexString(c) + " in name", "{\"name\": \"Ad" + escaped + "a\", \"email\": \"ada@example.org\"}", 400);
            open("escaped U+" + Integer.toHexString(c) + " in email", "{\"name\": \"Ada\", \"email\": \"ada" + escaped + "@example.org\"}", 400);
            if (c < 0xd800 || c > 0xdfff) { // a raw lone surrogate cannot even be encoded
                open("raw U+" + Integer.toHexString(c) + " in name", "{\"name\": \"Ad" + Character.toString(c) + "a\", \"email\": \"ada@example.org\"}", 400);
            }
        }
    }

    private void blankAndLongText() {
        for (String blank : List.of("", " ", "\\u00a0", "\\u2007", "\\u202f", "\\u3000", "\\u2003\\u2003", "\\u200b", "\\u2060",
                "\\u200d", "\\u180e", "\\t", "\\n", "\\u0085")) {
            open("blank name '" + blank + "'", "{\"name\": \"" + blank + "\", \"email\": \"ada@example.org\"}", 400);
            open("blank email '" + blank + "'", "{\"name\": \"Ada\", \"email\": \"" + blank + "\"}", 400);
        }
        open("name of 201 characters", "{\"name\": \"" + "a".repeat(201) + "\", \"email\": \"ada@example.org\"}", 400);
        open("name of 201 emoji", "{\"name\": \"" + "\ud83d\ude00".repeat(201) + "\", \"email\": \"ada@example.org\"}", 400);
        open("name of 60,000 characters", "{\"name\": \"" + "a".repeat(60_000) + "\", \"email\": \"ada@example.org\"}", 400);
        open("email of 255 characters", "{\"name\": \"Ada\", \"email\": \"" + "a".repeat(243) + "@example.org\"}", 400);
        open("name of 200 emoji (allowed)", "{\"name\": \"" + "\ud83d\ude00".repeat(200) + "\", \"email\": \"ada@example.org\"}", 201);
        open("name with a joiner (allowed)", "{\"name\": \"\ud83d\udc69\u200d\ud83d\udcbb Ada\", \"email\": \"ada@example.org\"}", 201);
        for (String email : List.of("ada", "@example.org", "ada@", "@", "a@b@", " @ ")) {
            open("email '" + email + "'", "{\"name\": \"Ada\", \"email\": \"" + email + "\"}", 400);
        }
    }

    private void wrongShapes() {
        for (String value : List.of("42", "true", "false", "null", "[]", "{}", "1.5", "[\"Ada\"]", "{\"first\": \"Ada\"}", "-0", "1e999")) {
            open("name " + value, "{\"name\": " + value + ", \"email\": \"ada@example.org\"}", 400);
            open("email " + value, "{\"name\": \"Ada\", \"email\": " + value + "}", 400);
        }
        for (String extra : List.of("\"id\": \"x\"", "\"status\": \"ACTIVE\"", "\"Name\": \"Ada\"", "\"\": 1", "\"name \": \"x\"",
                "\"__proto__\": {}", "\"version\": 7")) {
            open("unknown field " + extra, "{\"name\": \"Ada\", \"email\": \"ada@example.org\", " + extra + "}", 400);
        }
        open("duplicate name", "{\"name\": \"Ada\", \"name\": \"Bob\", \"email\": \"ada@example.org\"}", 400);
        open("duplicate email", "{\"name\": \"Ada\", \"email\": \"a@b.c\", \"email\": \"ada@example.org\"}", 400);
        open("duplicate in nested", "{\"name\": \"Ada\", \"email\": \"a@b.c\", \"x\": {\"a\": 1, \"a\": 2}}", 400);
    }

    private void sizes() {
        String padded = "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}";
        open("exactly 64 KiB (allowed)", " ".repeat(64 * 1024 - padded.length()) + padded, 201);
        open("64 KiB and one byte", " ".repeat(64 * 1024 + 1 - padded.length()) + padded, 413);
        for (int size : new int[] {100_000, 1_000_000, 11_000_000}) {
            open(size + " bytes", JSON, new byte[size], 413);
        }
        requests.add(new Hostile("11 MB chunked", "POST", API + "accounts", List.of(JSON, "Transfer-Encoding: chunked"),
                new byte[11_000_000], 413));
        requests.add(new Hostile("100 KB chunked", "POST", API + "accounts", List.of(JSON, "Transfer-Encoding: chunked"),
                " ".repeat(100_000).getBytes(StandardCharsets.UTF_8), 413));
    }

    private void parameters() {
        String transition = API + "accounts/" + account + "/confirm?expectedVersion=";
        for (String version : List.of("abc", "-1", "1.5", "1e3", "", "%20", "99999999999999999999", "2147483648", "0x10",
                "%00", "%EF%BC%91", "1,2", "+1", "%2B1", "1%00", "null", "[1]")) {
            request("expectedVersion=" + version, "POST", transition + version, 400);
        }
        for (String limit : List.of("0", "-1", "501", "abc", "1e2", "", "9999999999", "%EF%BC%95", "5.0")) {
            request("limit=" + limit, "GET", API + "accounts?limit=" + limit, 400);
        }
        request("after of 201 characters", "GET", API + "accounts?after=" + "a".repeat(201), 400);
        request("after with NUL", "GET", API + "accounts?after=%00", 400);
        request("after with a control character", "GET", API + "accounts?after=a%1Bb", 400);
        for (String status : List.of("HAPPY", "active", "", "%00", "ACTIVE%20", "PENDING,ACTIVE")) {
            request("status=" + status, "GET", API + "accounts?status=" + status, 400);
        }
        request("after beyond every id (allowed)", "GET", API + "accounts?after=%EF%BF%BF", 200);
        // one value would be used and the other ignored: refused, so that the client learns it
        request("repeated parameter", "GET", API + "accounts?limit=1&limit=2&status=ACTIVE", 400);
        request("repeated status", "GET", API + "accounts?status=ACTIVE&status=PENDING", 400);
    }

    private void pathsAndMethods() {
        for (String id : List.of("no-such-account", "%2e%2e", "..%2f..%2fetc", "%C3%A9", "a".repeat(2000), "%F0%9F%98%80",
                "'%20OR%201=1--", "%3Cscript%3E")) {
            request("unknown account " + id.substring(0, Math.min(20, id.length())), "POST", API + "accounts/" + id + "/confirm", 404);
            request("unknown account view " + id.substring(0, Math.min(20, id.length())), "GET", API + "accounts/" + id, 404);
        }
        // a command that takes no fields refuses a body that has one, and a large body before reading it
        requests.add(new Hostile("a field for confirm", "POST", API + "accounts/" + account + "/confirm", List.of(JSON),
                "{\"force\": true}".getBytes(StandardCharsets.UTF_8), 400));
        requests.add(new Hostile("1 MiB for confirm", "POST", API + "accounts/" + account + "/confirm", List.of(JSON),
                ("{\"x\": \"" + "a".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8), 413));
        for (String action : List.of("promote", "CONFIRM", "confirm%20", "open", "", "confirm/extra", "%2e%2e")) {
            request("unknown action " + action, "POST", API + "accounts/" + account + "/" + action, 0);
        }
        for (String path : List.of("/zipper/", "/zipper/x", "/zipper/api/nothing", "/zipper/api/accounts/x/confirm/more",
                "/zipper/api/log/x")) {
            request("path " + path, "GET", path, 404);
        }
        for (String path : List.of("/zipper/WEB-INF/web.xml", "/zipper/META-INF/MANIFEST.MF")) {
            requests.add(new Hostile("server-owned path " + path, "GET", path, List.of(), null, 404, true));
        }
        // escapes the server's own URL decoder refuses before the application sees the request
        for (String path : List.of(API + "accounts/%", API + "accounts/%zz", "/zipper/%", API + "accounts/%00",
                API + "accounts/%00/confirm")) {
            String method = path.endsWith("/confirm") ? "POST" : "GET";
            requests.add(new Hostile("server-owned path " + path, method, path, List.of(), null, 0, true));
        }
        for (String path : List.of("/zipper/api", "/zipper/api/", "/zipper/api//accounts", "/zipper//api/accounts")) {
            request("path " + path, "GET", path, 0);
        }
        for (String target : List.of(API + "accounts", API + "accounts/" + account, API + "accounts/" + account + "/confirm", API + "log")) {
            for (String method : List.of("PUT", "DELETE", "PATCH")) {
                request(method + " " + target, method, target, 405);
            }
        }
        request("GET a transition", "GET", API + "accounts/" + account + "/confirm", 405);
    }

    /** Tokens that must be refused, each with a 401 problem: malformed, oversized, forged, out of date. */
    private void tokens() {
        String good = Tokens.suite();
        String signed = good.substring(0, good.lastIndexOf('.') + 1);
        String signature = good.substring(good.lastIndexOf('.') + 1);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token after Bearer", "Bearer");
        refused.put("one word", "Bearer abc");
        refused.put("three words", "Bearer abc.def.ghi");
        refused.put("no signature", "Bearer " + signed);
        refused.put("another signature", "Bearer " + signed + new StringBuilder(signature).reverse());
        refused.put("alg none", "Bearer " + Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--alg", "none"));
        refused.put("HS256 with the public key", "Bearer " + Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--alg", "HS256"));
        refused.put("expired", "Bearer " + Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--expires-in", "-300"));
        refused.put("not yet valid", "Bearer " + Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--not-before-in", "3600"));
        refused.put("another issuer", "Bearer " + Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--issuer", "https://evil.example"));
        refused.put("another audience", "Bearer " + Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--audience", "other"));
        refused.put("signed but over 8 KiB", "Bearer " + Tokens.of(Tokens.EVERY_ROLE, "zipper-suite", "--pad", "9000"));
        refused.put("20,000 characters", "Bearer " + "A".repeat(20_000));
        refused.put("Basic, not Bearer", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        refused.forEach((kind, authorization) -> {
            request("token: " + kind, "GET", API + "accounts/" + account, 401, "Authorization: " + authorization);
            request("token: " + kind + " (command)", "POST", API + "accounts/" + account + "/confirm", 401,
                    "Authorization: " + authorization);
        });
    }

    private void acceptHeaders() {
        for (String accept : List.of("text/html", "application/xml", "image/png", "application/json;q=0", "text/plain")) {
            for (String target : List.of(API + "accounts", API + "accounts/" + account, API + "log")) {
                // q=0 ("not JSON") is honoured by some servers and ignored by others
                request("Accept " + accept, "GET", target, accept.contains("q=0") ? 0 : 406, "Accept: " + accept);
            }
            requests.add(new Hostile("open with Accept " + accept, "POST", API + "accounts", List.of(JSON, "Accept: " + accept),
                    GOOD.getBytes(StandardCharsets.UTF_8), accept.contains("q=0") ? 0 : 406));
        }
        request("blank Accept (as none)", "GET", API + "accounts", 200, "Accept: ");
        open("blank content type", "Content-Type: ", GOOD.getBytes(StandardCharsets.UTF_8), 400);
        for (String accept : List.of(";;;", "json", "/", "text/html, ;", "application/")) {
            request("malformed Accept " + accept, "GET", API + "accounts", 400, "Accept: " + accept);
            requests.add(new Hostile("open with malformed Accept " + accept, "POST", API + "accounts",
                    List.of(JSON, "Accept: " + accept), GOOD.getBytes(StandardCharsets.UTF_8), 400));
        }
    }

    /** A good body with a few random bytes changed, inserted or removed: some still valid, most not. */
    private void randomMutations(int count) {
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            byte[] body = good.clone();
            for (int m = 0; m <= random.nextInt(3); m++) {
                body = mutate(body);
            }
            open("mutation", JSON, body, 0);
        }
    }

    private byte[] mutate(byte[] body) {
        int at = random.nextInt(body.length + 1);
        byte b = (byte) random.nextInt(256);
        return switch (random.nextInt(3)) {
            case 0 -> at < body.length ? replace(body, at, b) : body;
            case 1 -> concat(java.util.Arrays.copyOf(body, at), new byte[] {b}, java.util.Arrays.copyOfRange(body, at, body.length));
            default -> at < body.length
                    ? concat(java.util.Arrays.copyOf(body, at), java.util.Arrays.copyOfRange(body, at + 1, body.length))
                    : body;
        };
    }

    private void randomBytes(int count) {
        for (int i = 0; i < count; i++) {
            byte[] body = new byte[1 + random.nextInt(200)];
            random.nextBytes(body);
            open("random bytes", JSON, body, 400);
        }
    }

    private static byte[] replace(byte[] body, int at, byte b) {
        byte[] copy = body.clone();
        copy[at] = b;
        return copy;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
