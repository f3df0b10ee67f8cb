package dev.zipper.schema;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.ReaderPositions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The log and its readers' positions over the application's datasource, for injection into either side.
 * Both join the caller's JTA transaction.
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
}
