package dev.zipper.schema;

import dev.zipper.eventstore.EventLog;
import dev.zipper.health.Probes;
import dev.zipper.health.TimedProbe;
import dev.zipper.migrations.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the database when the application starts. The EJB module is initialised before the web
 * module (application.xml, initialize-in-order), so no command bean, message-driven bean or query
 * touches a table before this has finished.
 */
@Singleton
@Startup
public class SchemaMigration {

    /**
     * The application's one datasource: the platform default, which each server points at Zipper's
     * database (the only name WildFly and Payara can both resolve).
     */
    public static final String DATA_SOURCE = "java:comp/DefaultDataSource";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private Probes probes;

    @Inject
    private EventLog log;

    private TimedProbe databaseProbe;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits each migration itself
    void migrate() {
        MigrateResult result = Schema.migrate(dataSource);
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now)");
        // ready only while the database answers
        databaseProbe = new TimedProbe(threads, () -> "log head at position " + log.head());
        probes.readiness("database", databaseProbe);
    }

    @PreDestroy
    void stop() {
        databaseProbe.close();
    }
}
