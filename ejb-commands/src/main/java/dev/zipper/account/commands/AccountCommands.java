package dev.zipper.account.commands;

import dev.zipper.account.Account;
import dev.zipper.account.AccountCommand;
import dev.zipper.account.AccountEvent;
import dev.zipper.commands.CommandResult;
import dev.zipper.commands.EventPublisher;
import dev.zipper.domain.UnknownAggregate;
import dev.zipper.eventstore.AppendResult;
import dev.zipper.eventstore.EventCodec;
import dev.zipper.eventstore.EventLog;
import dev.zipper.eventstore.EventMetadata;
import dev.zipper.eventstore.NewEvent;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.schema.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The account's command service. Each method is one JTA transaction: load the stream, let the
 * aggregate decide, append with the expected version, publish. A refusal rolls it all back.
 */
@Stateless
public class AccountCommands {

    static final String STREAM_TYPE = "account";
    private static final EventCodec<AccountEvent> CODEC = new EventCodec<>(AccountEvent.class);

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private EventPublisher publisher;

    private EventLog log;

    @PostConstruct
    void connect() {
        log = new EventLog(dataSource, EventLog.Transactions.CONTAINER);
    }

    public CommandResult open(AccountCommand.Open command) {
        return execute(UUID.randomUUID().toString(), command);
    }

    public CommandResult execute(String accountId, AccountCommand.Transition command) {
        return execute(accountId, (AccountCommand) command);
    }

    private CommandResult execute(String accountId, AccountCommand command) {
        List<RecordedEvent> history = log.readStream(accountId, 0);
        if (history.isEmpty() && command instanceof AccountCommand.Transition) {
            throw new UnknownAggregate("account", accountId);
        }
        Account account = Account.replay(history.stream().map(CODEC::decode).toList());
        UUID commandId = UUID.randomUUID();
        List<NewEvent> events = account.decide(command).stream()
                .map(event -> CODEC.encode(event, EventMetadata.causedBy(commandId)))
                .toList();
        AppendResult appended = log.append(STREAM_TYPE, accountId, history.size(), events);
        publisher.publish(appended.events());
        return new CommandResult(accountId, appended.version(), appended.position());
    }
}
