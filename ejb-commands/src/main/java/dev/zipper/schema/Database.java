package dev.zipper.schema;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.Leases;
import dev.zipper.eventstore.ReaderPositions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The log, its readers' positions and its leases over the application's datasource, for injection into
 * either side. The log and the positions join the caller's JTA transaction.
 */
@ApplicationScoped
public class Database {

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Produces
    EventLog eventLog() {
        return new EventLog(dataSource, EventLog.Transactions.CONTAINER);
    }

    @Produces
    ReaderPositions readerPositions() {
        return new ReaderPositions(dataSource);
    }

    @Produces
    Leases leases() {
        return new Leases(dataSource);
    }
}
