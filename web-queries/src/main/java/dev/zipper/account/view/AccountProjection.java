package dev.zipper.account.view;

import dev.zipper.account.Account;
import dev.zipper.account.AccountEvent;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.projection.ProjectionCounters;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Projects account events into account_view, each exactly once and in stream order. The row's version
 * is what has been applied, changed in the same transaction as the row: an event at or below it is a
 * duplicate and changes nothing; an event further ahead than the next one means its predecessors have
 * not arrived (redelivered later, or lost in a crash), so they are read from the log and applied first.
 */
@ApplicationScoped
public class AccountProjection {

    public static final String NAME = "account-view";
    private static final Logger LOG = Logger.getLogger(AccountProjection.class.getName());
    private static final EventCodec<AccountEvent> CODEC = new EventCodec<>(AccountEvent.class);

    @PersistenceContext(unitName = "read-tables")
    private EntityManager em;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private ProjectionCounters counters;

    private EventLog log;

    @PostConstruct
    void connect() {
        log = new EventLog(dataSource, EventLog.Transactions.CONTAINER);
    }

    @Transactional
    public void apply(RecordedEvent event) {
        // the row lock serialises two deliveries of one stream; other streams go on in parallel
        AccountView view = em.find(AccountView.class, event.streamId(), LockModeType.PESSIMISTIC_WRITE);
        int applied = view == null ? 0 : view.version();
        if (event.streamVersion() <= applied) {
            counters.duplicate(NAME);
            return;
        }
        List<RecordedEvent> events = List.of(event);
        if (event.streamVersion() > applied + 1) {
            counters.caughtUp(NAME);
            events = log.readStream(event.stream(), applied).stream()
                    .filter(e -> e.streamVersion() <= event.streamVersion()).toList();
            if (events.size() != event.streamVersion() - applied) {
                // only a broker shared with another database (another deployment) sends such an event
                LOG.warning(() -> "Dropping " + event.type() + " v" + event.streamVersion() + " of " + event.streamId()
                        + ": its predecessors are not in this log");
                return;
            }
        }
        Account account = view == null ? Account.NONE : view.account();
        for (RecordedEvent e : events) {
            account = account.evolve(CODEC.decode(e));
        }
        RecordedEvent last = events.get(events.size() - 1);
        if (view == null) {
            view = new AccountView(event.streamId());
            view.update(account, last.streamVersion(), last.position());
            em.persist(view);
        } else {
            view.update(account, last.streamVersion(), last.position());
        }
        counters.applied(NAME, events.size());
    }
}
