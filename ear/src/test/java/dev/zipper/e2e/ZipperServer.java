package dev.zipper.e2e;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the server named by -Dzipper.server (wildfly or payara) with zipper.ear deployed, once for
 * the whole run, through the same scripts run.sh uses, and stops it when the run ends. Payara needs the
 * standalone Artemis broker (jms-config/artemis/broker.sh), which the build starts around the suites.
 * With cluster-wildfly or cluster-payara it is run.sh cluster's shape instead, on PostgreSQL: the
 * instances, the broker pair (in place of the single broker, which stays stopped) and HAProxy, whose
 * address is the one the tests use.
 */
public final class ZipperServer implements BeforeAllCallback {

    public static final URL WEB_MODULE = url("http://127.0.0.1:8080/zipper/");

    public static final Path PROJECT = Path.of(System.getProperty("zipper.project", "..")).toAbsolutePath().normalize();
    public static final String SERVER = System.getProperty("zipper.server", "wildfly");
    /** The suites run in development mode: their servers trust the development issuer's tokens ({@link Tokens}). */
    public static final Map<String, String> DEVELOPMENT = Map.of("ZIPPER_AUTH_DEVELOPMENT", "true",
            "ZIPPER_DEV_ISSUER", System.getProperty("zipper.dev.issuer", PROJECT.resolve(".zipper/dev-issuer").toString()));
    /** With -Dzipper.identity=keycloak the server trusts Keycloak's tokens instead (ear/src/main/keycloak). */
    public static final boolean KEYCLOAK = "keycloak".equals(System.getProperty("zipper.identity"));
    public static final Path KEYCLOAK_DIR = PROJECT.resolve("ear/target/e2e-keycloak");
    private static final int KEYCLOAK_PORT = 18180;
    private static final String REALM = "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/zipper";
    private static final Map<String, String> IDENTITY = KEYCLOAK
            ? Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", REALM + "/protocol/openid-connect/certs",
                    "MP_JWT_VERIFY_ISSUER", REALM, "MP_JWT_VERIFY_AUDIENCES", "zipper")
            : DEVELOPMENT;
    /** The OTEL_* settings of a traced server: set when the receiver starts, before the server. */
    private static final Map<String, String> TRACING = new ConcurrentHashMap<>();
    private static final Path INSTANCE = PROJECT.resolve("ear/target/e2e-" + SERVER);
    private static final File LOG = PROJECT.resolve("ear/target/e2e-" + SERVER + ".log").toFile();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ZipperServer.class, key -> start(), Running.class);
    }

    /** MicroProfile Health: on WildFly's management port, on Payara's HTTP port. */
    public static final URI HEALTH = URI.create(SERVER.equals("payara") ? "http://127.0.0.1:8080/health/"
            : "http://127.0.0.1:9990/health/");

    /** The server's own log (not the scripts' output). */
    public static Path serverLog() {
        return SERVER.equals("payara") ? INSTANCE.resolve("zipper/logs/server.log") : INSTANCE.resolve("log/server.log");
    }

    private static final String CLUSTER = "cluster-";
    private static final List<String> SCRIPT = SERVER.startsWith(CLUSTER) ? List.of(script("ear/src/main/cluster/cluster.sh"))
            : List.of(script("ear/src/main/" + SERVER + "/" + SERVER + ".sh"));

    private static Running start() {
        if (SERVER.startsWith(CLUSTER)) {
            return startCluster(SERVER.substring(CLUSTER.length()));
        }
        TRACING.putAll(TraceReceiver.start()); // the whole suite runs traced, its spans exported to the test
        List<String> keycloak = List.of(script("ear/src/main/keycloak/keycloak.sh"));
        Running running = new Running(KEYCLOAK ? List.of(concat(SCRIPT, "stop", INSTANCE.toString()),
                concat(keycloak, "stop", KEYCLOAK_DIR.toString())) : List.of(concat(SCRIPT, "stop", INSTANCE.toString())));
        try {
            if (KEYCLOAK) {
                run(concat(keycloak, "start", KEYCLOAK_DIR.toString()));
            }
            run(concat(SCRIPT, "start", INSTANCE.toString()));
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    private static Running startCluster(String server) {
        List<String> broker = List.of(script("jms-config/artemis/broker.sh"));
        Running running = new Running(List.of(concat(SCRIPT, "stop", INSTANCE.toString())));
        try {
            run(concat(broker, "stop")); // the single broker listens where the pair's primary will
            run(concat(broker, "reset", "primary"));
            run(concat(broker, "reset", "backup"));
            run(concat(SCRIPT, "start", INSTANCE.toString(), server));
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    /** Stops the server as an operator does (SIGTERM on WildFly, stop-domain on Payara), then starts it again. */
    public static void restart(Runnable whileStopped) {
        run(concat(SCRIPT, "stop", INSTANCE.toString()));
        try {
            whileStopped.run();
        } finally {
            run(concat(SCRIPT, "start", INSTANCE.toString()));
        }
    }

    /**
     * Holds the read side back until the returned handle is closed: no event reaches a projection, process
     * or automation meanwhile, while commands go on. On WildFly the message-driven bean stops taking
     * messages (its management operation); on Payara the standalone broker is stopped and started again.
     */
    public static AutoCloseable holdReadSide() {
        if (SERVER.equals("payara")) {
            List<String> broker = List.of(script("jms-config/artemis/broker.sh"));
            run(concat(broker, "stop"));
            return () -> run(concat(broker, "start"));
        }
        String listener = "/deployment=zipper.ear/subdeployment=zipper-web.war/subsystem=ejb3/"
                + "message-driven-bean=EventDelivery:";
        List<String> cli = List.of(System.getProperty("wildfly.home") + "/bin/jboss-cli.sh", "--connect",
                "--controller=127.0.0.1:9990");
        run(concat(cli, "--command=" + listener + "stop-delivery"));
        return () -> run(concat(cli, "--command=" + listener + "start-delivery"));
    }

    /** The lines of the server's log that report an error (WildFly's ERROR, Payara's SEVERE). */
    public static List<String> errors(List<String> logLines) {
        return logLines.stream().filter(line -> line.matches("^\\S+ \\S+ ERROR .*") || line.contains("[SEVERE]")).toList();
    }

    /** Stops what start started, in reverse order, when the test run ends. */
    private record Running(List<List<String>> stops) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stops.forEach(ZipperServer::run);
        }
    }

    private static void run(List<String> command) {
        run(command, Map.of(), LOG);
    }

    /** Runs one of the project's scripts to its end, its output appended to {@code log}; fails if it fails. */
    public static void run(List<String> command, Map<String, String> environment, File log) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            builder.environment().putAll(IDENTITY);
            builder.environment().putAll(TRACING);
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; the end of " + log + ":\n"
                        + tail(log.toPath(), 40));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of a file: what a failed script printed, in the test's report, where CI keeps it. */
    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String script(String path) {
        return PROJECT.resolve(path).toString();
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static URL url(String url) {
        try {
            return new URL(url);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
