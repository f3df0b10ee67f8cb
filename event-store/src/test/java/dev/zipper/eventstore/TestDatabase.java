package dev.zipper.eventstore;

import dev.zipper.migrations.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database per test: H2 in memory, or a new schema in the PostgreSQL database that
 * ZIPPER_DB_URL names (the same variable the server reads). Closing it drops what it made.
 */
final class TestDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String dropStatement;

    private TestDatabase(DataSource dataSource, String dropStatement) {
        this.dataSource = dataSource;
        this.dropStatement = dropStatement;
    }

    static TestDatabase fresh() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv().getOrDefault("ZIPPER_DB_URL", "");
        TestDatabase database = url.startsWith("jdbc:postgresql:") ? postgres(url, name) : h2(name);
        Schema.migrate(database.dataSource);
        return database;
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        execute(dataSource, dropStatement);
    }

    private static TestDatabase h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return new TestDatabase(h2, "SHUTDOWN");
    }

    private static TestDatabase postgres(String url, String schema) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(System.getenv().getOrDefault("ZIPPER_DB_USER", "postgres"));
        pg.setPassword(System.getenv().getOrDefault("ZIPPER_DB_PASSWORD", ""));
        execute(pg, "CREATE SCHEMA " + schema);
        pg.setCurrentSchema(schema);
        return new TestDatabase(pg, "DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on the test database", e);
        }
    }
}
