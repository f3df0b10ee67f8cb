package dev.zipper.account.commands;

import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountEvent;
import dev.zipper.commands.CommandOutcomes;
import dev.zipper.commands.CommandResult;
import dev.zipper.domain.UnknownAggregate;
import dev.zipper.eventstore.AppendResult;
import dev.zipper.eventstore.ConcurrencyConflict;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.relay.LogAppended;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The account's command service. Each method is one JTA transaction: load the stream, let the
 * aggregate decide, append with the expected version. A refusal rolls it all back. The broker is not
 * part of the transaction: {@link dev.zipper.relay.LogRelay} publishes what committed, so a command
 * succeeds while the broker is down.
 */
@Stateless
@Interceptors(CommandOutcomes.class)
public class AccountCommands {

    private static final EventCodec<AccountEvent> CODEC = new EventCodec<>(Account.TYPE.events());

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Event<LogAppended> appendedEvents;

    private EventLog log;

    @PostConstruct
    void connect() {
        log = new EventLog(dataSource, EventLog.Transactions.CONTAINER);
    }

    public CommandResult open(AccountCommand.Open command) {
        return execute(UUID.randomUUID().toString(), List.of(), command);
    }

    /**
     * Applies a transition to the account as it is now, or, with an expected version, only if the
     * account is still at that version (else {@link ConcurrencyConflict}, nothing written).
     */
    public CommandResult execute(String accountId, AccountCommand.Transition command, OptionalInt expectedVersion) {
        List<RecordedEvent> history = log.readStream(accountId, 0);
        if (history.isEmpty()) {
            throw new UnknownAggregate("account", accountId);
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsInt() != history.size()) {
            throw new ConcurrencyConflict(accountId, expectedVersion.getAsInt(), history.size());
        }
        return execute(accountId, history, command);
    }

    private CommandResult execute(String accountId, List<RecordedEvent> history, AccountCommand command) {
        Account account = Account.TYPE.decider().fold(history.stream().map(CODEC::decode).toList());
        UUID commandId = UUID.randomUUID();
        List<NewEvent> events = account.decide(command).stream()
                .map(event -> CODEC.encode(event, EventMetadata.causedBy(commandId)))
                .toList();
        AppendResult appended = log.append(Account.TYPE.streamType(), accountId, history.size(), events);
        appendedEvents.fire(new LogAppended(appended.position()));
        return new CommandResult(accountId, appended.version(), appended.position());
    }
}
