package dev.zipper.schema;

import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventLogFailure;
import dev.zipper.eventstore.Leases;
import dev.zipper.eventstore.LogNotifications;
import dev.zipper.eventstore.ParkedStreams;
import java.sql.Connection;
import java.sql.SQLException;
import dev.zipper.eventstore.ReaderPositions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The log, its readers' positions, its parked streams and its leases over the application's datasource, for injection into
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
    ParkedStreams parkedStreams() {
        return new ParkedStreams(dataSource);
    }

    @Produces
    Leases leases() {
        return new Leases(dataSource);
    }

    private volatile Boolean notifies;

    /** Whether the database takes notifications between instances (PostgreSQL's LISTEN/NOTIFY). */
    public boolean notifies() {
        Boolean known = notifies;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = LogNotifications.supported(connection);
                notifies = known;
            } catch (SQLException e) {
                throw new EventLogFailure("Could not reach the database", e);
            }
        }
        return known;
    }
}
