package dev.zipper.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database to the schema this build expects. Safe to call on every start. */
public final class Schema {

    /** Where the SQL migrations live on the class path. */
    public static final String LOCATION = "classpath:db/zipper";

    private Schema() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource).migrate();
    }

    /** Flyway set up for Zipper's migrations, to migrate or to ask what is applied and pending. */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .load();
    }
}
