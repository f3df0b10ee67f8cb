import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zipper's development issuer, for ./run.sh and the suites only: an RSA key pair made at first use, and
 * tokens signed with it that the servers' MicroProfile JWT verifies against its public key. Production
 * points Zipper at a real identity provider instead (README: Who may do what).
 *
 *   java DevIssuer.java keys DIR                       makes DIR/private.pem and DIR/public.pem if absent
 *   java DevIssuer.java token DIR ROLES [SUBJECT] [--issuer I] [--audience A] [--expires-in SECONDS]
 *                                     [--not-before-in SECONDS] [--alg none|HS256] [--pad N]
 *
 * ROLES is a comma-separated list (customer, staff, operator); the options make the tokens a test needs to
 * see refused (another issuer or audience, expired, not yet valid, unsigned, signed with a shared secret,
 * padded past the size limit).
 */
public class DevIssuer {

    static final String ISSUER = "zipper-development";
    static final String AUDIENCE = "zipper";

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            keys(Path.of(args[1]));
        } else if (args.length >= 3 && args[0].equals("token")) {
            System.out.println(token(Path.of(args[1]), args[2], List.of(args).subList(3, args.length)));
        } else {
            System.err.println("usage: DevIssuer keys DIR | DevIssuer token DIR ROLES [SUBJECT] [options]");
            System.exit(2);
        }
    }

    static void keys(Path dir) throws Exception {
        Path secret = dir.resolve("private.pem");
        if (Files.exists(secret)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path written = Files.writeString(dir.resolve("private.pem.new"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        Files.move(written, secret); // last: a key pair is there only when both halves are
    }

    static String token(Path dir, String roles, List<String> rest) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).startsWith("--")) {
                options.put(rest.get(i).substring(2), rest.get(++i));
            } else {
                positional.add(rest.get(i));
            }
        }
        String subject = positional.isEmpty() ? roles.split(",")[0] + "-" + UUID.randomUUID() : positional.get(0);
        long now = Instant.now().getEpochSecond();
        String alg = options.getOrDefault("alg", "RS256");
        StringBuilder claims = new StringBuilder("{")
                .append(field("iss", options.getOrDefault("issuer", ISSUER))).append(',')
                .append(field("aud", options.getOrDefault("audience", AUDIENCE))).append(',')
                .append(field("sub", subject)).append(',').append(field("upn", subject)).append(',')
                .append(field("jti", UUID.randomUUID().toString())).append(',')
                .append("\"iat\":").append(now).append(',')
                .append("\"exp\":").append(now + Long.parseLong(options.getOrDefault("expires-in", "3600")));
        if (options.containsKey("not-before-in")) {
            claims.append(",\"nbf\":").append(now + Long.parseLong(options.get("not-before-in")));
        }
        if (options.containsKey("pad")) {
            claims.append(',').append(field("pad", "x".repeat(Integer.parseInt(options.get("pad")))));
        }
        claims.append(",\"groups\":[").append(java.util.Arrays.stream(roles.split(","))
                .map(role -> "\"" + role + "\"").collect(Collectors.joining(","))).append("]}");
        String signed = base64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + base64(claims.toString());
        return signed + "." + signature(dir, alg, signed);
    }

    private static String signature(Path dir, String alg, String signed) throws Exception {
        byte[] content = signed.getBytes(StandardCharsets.US_ASCII);
        switch (alg) {
            case "none":
                return "";
            case "HS256": // the public key's text as the shared secret: the classic confusion a verifier must refuse
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Files.readAllBytes(dir.resolve("public.pem")), "HmacSHA256"));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(content));
            default:
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(privateKey(dir));
                rsa.update(content);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        }
    }

    private static PrivateKey privateKey(Path dir) throws Exception {
        String pem = Files.readString(dir.resolve("private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String field(String name, String value) {
        return "\"" + name + "\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
