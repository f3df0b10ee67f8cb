package dev.zipper.faults;

import dev.zipper.e2e.ZipperServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

import static dev.zipper.e2e.ZipperServer.PROJECT;

/**
 * Zipper in its production shape for the fault runs: zipper.ear on WildFly, PostgreSQL (a fresh
 * database, reached through {@link DatabaseProxy}), and the standalone Artemis broker (emptied first).
 * The test kills, stops and restarts each part through the project's own scripts.
 */
final class FaultRig implements AutoCloseable {

    static final String DATABASE = "zipper_faults";

    private static final Path INSTANCE = PROJECT.resolve("ear/target/faults-wildfly");
    private static final File LOG = PROJECT.resolve("ear/target/faults-wildfly.log").toFile();
    private static final String SERVER = PROJECT.resolve("ear/src/main/wildfly/wildfly.sh").toString();
    private static final String BROKER = PROJECT.resolve("jms-config/artemis/broker.sh").toString();

    final DatabaseProxy proxy;
    final DataSource database;
    private final Map<String, String> serverEnvironment;

    private FaultRig(DatabaseProxy proxy, DataSource database, Map<String, String> serverEnvironment) {
        this.proxy = proxy;
        this.database = database;
        this.serverEnvironment = serverEnvironment;
    }

    /** Needs ZIPPER_DB_URL to name a PostgreSQL server, where it makes the database zipper_faults afresh. */
    static FaultRig start() throws IOException, SQLException {
        String url = System.getenv().getOrDefault("ZIPPER_DB_URL", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The fault runs need PostgreSQL: set ZIPPER_DB_URL (see README)");
        }
        URI server = URI.create(url.substring("jdbc:".length()));
        String user = System.getenv().getOrDefault("ZIPPER_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("ZIPPER_DB_PASSWORD", "");
        recreateDatabase(url, user, password, DATABASE);

        int port = server.getPort() < 0 ? 5432 : server.getPort();
        DatabaseProxy proxy = new DatabaseProxy(server.getHost(), port);
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL("jdbc:postgresql://" + server.getHost() + ":" + port + "/" + DATABASE);
        direct.setUser(user);
        direct.setPassword(password);
        Map<String, String> environment = new HashMap<>(Map.of(
                "ZIPPER_DB_DRIVER", "postgresql",
                "ZIPPER_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DATABASE + "?connectTimeout=5",
                "ZIPPER_DB_USER", user,
                "ZIPPER_ARTEMIS_HOST", "127.0.0.1"));
        if (!password.isEmpty()) { // WildFly refuses an empty password; unset, the server's default applies
            environment.put("ZIPPER_DB_PASSWORD", password);
        }
        FaultRig rig = new FaultRig(proxy, direct, environment);
        run(BROKER, "reset");
        rig.startBroker();
        deleteRecursively(INSTANCE);
        rig.startServer();
        return rig;
    }

    void startServer() {
        ZipperServer.run(List.of(SERVER, "start", INSTANCE.toString()), serverEnvironment, LOG);
    }

    /** kill -9 of the server's JVM: no shutdown, transactions cut wherever they are. */
    void killServer() throws IOException {
        long pid = Long.parseLong(Files.readString(INSTANCE.resolve("wildfly.pid")).strip());
        ProcessHandle.of(pid).ifPresent(script -> {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
            script.onExit().join();
        });
    }

    void startBroker() {
        run(BROKER, "start");
    }

    /** kill -9 of the broker. */
    void killBroker() {
        run(BROKER, "kill");
    }

    @Override
    public void close() throws IOException {
        ZipperServer.run(List.of(SERVER, "stop", INSTANCE.toString()), Map.of(), LOG);
        proxy.close();
    }

    private static void run(String script, String command) {
        ZipperServer.run(List.of(script, command), Map.of(), LOG);
    }

    /** Drops and makes again the database {@code name} on the PostgreSQL server that {@code url} names. */
    static void recreateDatabase(String url, String user, String password, String name) throws SQLException {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        admin.setUser(user);
        admin.setPassword(password);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
