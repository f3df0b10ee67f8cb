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
 * A fresh, migrated database per call: H2 in memory, or a new schema in the PostgreSQL database that
 * ZIPPER_DB_URL names (the same variable the server reads).
 */
final class TestDatabase {

    private TestDatabase() {
    }

    static DataSource fresh() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        String url = System.getenv().getOrDefault("ZIPPER_DB_URL", "");
        DataSource dataSource = url.startsWith("jdbc:postgresql:") ? postgres(url, name) : h2(name);
        Schema.migrate(dataSource);
        return dataSource;
    }

    private static DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static DataSource postgres(String url, String schema) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(System.getenv().getOrDefault("ZIPPER_DB_USER", "postgres"));
        pg.setPassword(System.getenv().getOrDefault("ZIPPER_DB_PASSWORD", ""));
        try (Connection connection = pg.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema in " + pg.getURL(), e);
        }
        pg.setCurrentSchema(schema);
        return pg;
    }
}
