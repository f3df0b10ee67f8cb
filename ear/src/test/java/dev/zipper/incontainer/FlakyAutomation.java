package dev.zipper.incontainer;

import dev.zipper.account.Account;
import dev.zipper.account.AccountEvent;
import dev.zipper.domain.AggregateType;
import dev.zipper.eventstore.RecordedEvent;
import dev.zipper.reactions.Automation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An automation for the tests: it fails the account events named in {@link #POISONED} ("id version"),
 * and notes the versions of every other one it takes, by stream, in the order it takes them.
 */
@ApplicationScoped
public class FlakyAutomation implements Automation<AccountEvent> {

    static final Set<String> POISONED = ConcurrentHashMap.newKeySet();
    static final Map<String, List<Integer>> TAKEN = new ConcurrentHashMap<>();

    @Override
    public AggregateType<?, AccountEvent, ?> follows() {
        return Account.TYPE;
    }

    @Override
    public void on(AccountEvent event, RecordedEvent recorded) {
        if (POISONED.contains(recorded.streamId() + " " + recorded.streamVersion())) {
            throw new IllegalStateException("poisoned for the test: " + recorded.type() + " v" + recorded.streamVersion());
        }
        TAKEN.computeIfAbsent(recorded.streamId(), id -> new CopyOnWriteArrayList<>()).add(recorded.streamVersion());
    }
}
