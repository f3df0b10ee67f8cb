package dev.zipper.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP/1.1 over a plain socket, one request per connection: sends exactly the bytes it is given (a
 * malformed escape in the path, a lying charset, invalid UTF-8), which a real HTTP client refuses to.
 * The body is written on another thread, so that a server that answers before reading it all (413) is
 * heard rather than reset. Every request carries the suites' token ({@link Tokens#suite()}) unless it
 * has an Authorization header of its own.
 */
final class RawHttp implements AutoCloseable {

    /** What came back; {@code status} 0 when the server closed the connection without an answer. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private final ExecutorService writers = Executors.newCachedThreadPool();

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response send(String method, String target, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (headers.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("authorization:"))) {
            head.append("Authorization: Bearer ").append(Tokens.suite()).append("\r\n");
        }
        boolean chunked = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:"));
        if (body != null && !chunked) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            writers.submit(() -> {
                try {
                    if (body != null) {
                        out.write(chunked ? chunk(body) : body);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before taking the whole body: the answer is what counts
                }
            });
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            return new Response(0, Map.of(), String.valueOf(e));
        }
    }

    /** Opens a request announcing a body, sends part of it and hangs up: a client that went away. */
    void abandon(String target, byte[] part, int announced) {
        try (Socket socket = new Socket(host, port)) {
            socket.getOutputStream().write(("POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + "Authorization: Bearer " + Tokens.suite() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + announced + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(part);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // nothing to hear: the point is to leave
        }
    }

    private static byte[] chunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 8192) {
            int n = Math.min(8192, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(0, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(new java.io.ByteArrayInputStream(body));
        }
        return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                size.append((char) c);
            }
            String hex = size.toString().trim().split(";")[0];
            int n = hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }

    static List<String> headers(String... lines) {
        return new ArrayList<>(List.of(lines));
    }
}
