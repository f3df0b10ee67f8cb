package dev.zipper.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * What one instance tells the others that share its PostgreSQL database, through LISTEN/NOTIFY: that
 * the log grew ({@link #APPENDED}), that a read row reached a version ({@link #APPLIED}). A notification
 * is sent in the sender's transaction and delivered only if that commits, to every listening instance
 * (the sender's own included). Elsewhere (H2: one process) nothing is sent and nobody listens.
 */
public final class LogNotifications {

    /** The log grew; the payload is the last position appended. */
    public static final String APPENDED = "zipper_log";
    /** A read row reached a version; the payload is "rows-class version id". */
    public static final String APPLIED = "zipper_rows";

    private LogNotifications() {
    }

    public static boolean supported(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }

    /** On the caller's connection, in its transaction. */
    public static void send(Connection connection, String channel, String payload) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /**
     * Listens on a connection of its own, handing each notification (channel, payload) to {@code heard},
     * while {@code listening} holds (asked at least every second) or until the connection fails (the caller
     * listens again). Returns at once on a database that has no notifications. Not by interrupting: the
     * connection must go back to its pool whole, before the pool itself is closed.
     */
    public static void listen(DataSource dataSource, List<String> channels, BiConsumer<String, String> heard,
            BooleanSupplier listening) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!supported(connection)) {
                return;
            }
            try (Statement listen = connection.createStatement()) {
                for (String channel : channels) {
                    listen.execute("LISTEN " + channel);
                }
            }
            Postgres.receive(connection, heard, listening);
        }
    }

    /** Apart, so that the driver's classes are loaded only where the database is PostgreSQL. */
    private static final class Postgres {

        static void receive(Connection connection, BiConsumer<String, String> heard, BooleanSupplier listening)
                throws SQLException {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            while (listening.getAsBoolean()) {
                PGNotification[] notifications = postgres.getNotifications(1000);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        heard.accept(notification.getName(), notification.getParameter());
                    }
                }
            }
        }
    }
}
