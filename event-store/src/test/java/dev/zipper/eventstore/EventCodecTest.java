package dev.zipper.eventstore;

import dev.zipper.account.AccountEvent;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec<AccountEvent> codec = EventCodec.of(AccountEvent.class);

    @Test
    void an_event_is_stored_under_its_declared_name_and_version_and_reads_back_equal() {
        AccountEvent opened = new AccountEvent.Opened("Ada", "ada@example.org");

        NewEvent encoded = codec.encode(opened, new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));

        assertThat(encoded.type()).isEqualTo("account.opened");
        assertThat(encoded.schemaVersion()).isEqualTo(1);
        assertThat(encoded.payload()).doesNotContain("dev.zipper").contains("\"email\":\"ada@example.org\"");
        assertThat(codec.decode(encoded.type(), encoded.schemaVersion(), encoded.payload())).isEqualTo(opened);
        assertThat(codec.decode("account.archived", 1, "{}")).isEqualTo(new AccountEvent.Archived());
    }

    @Test
    void an_unknown_type_or_version_is_refused() {
        assertThatThrownBy(() -> codec.decode("account.opened", 2, "{}"))
                .hasMessageContaining("Unknown event type account.opened/v2");
    }
}
