package dev.zipper.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bearer tokens of the development issuer (ear/src/main/dev-issuer), which the suites' servers trust, made
 * as ./run.sh token makes them and kept for the run: one per kind.
 */
public final class Tokens {

    /** The suites' own caller: a customer (owning what it opens), staff and operator at once. */
    public static final String EVERY_ROLE = "customer,staff,operator";

    private static final Map<List<String>, String> MADE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The suites' caller: every role, one subject. */
    public static String suite() {
        return of(EVERY_ROLE, "zipper-suite");
    }

    /** A token with these roles (comma-separated) for this subject; {@code options} as DevIssuer takes them. */
    public static String of(String roles, String subject, String... options) {
        List<String> command = new ArrayList<>(List.of(ZipperServer.PROJECT.resolve("ear/src/main/dev-issuer/dev-issuer.sh")
                .toString(), "token", roles, subject));
        command.addAll(List.of(options));
        return MADE.computeIfAbsent(command, Tokens::make);
    }

    private static String make(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(ZipperServer.DEVELOPMENT);
            Process process = builder.start();
            String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || token.isEmpty()) {
                throw new IllegalStateException("No token from " + command);
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
