package dev.zipper.eventstore;

import dev.zipper.account.AccountEvent;
import dev.zipper.account.Address;
import dev.zipper.domain.EventType;
import dev.zipper.domain.Upcast;
import java.time.Instant;
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

    @Test
    void an_event_stored_in_an_earlier_version_reads_in_its_current_shape_and_is_never_rewritten() {
        String v1 = "{\"address\":{\"line1\":\"12 Rue de la Paix\",\"postalCode\":\"75002\",\"city\":\"Paris\","
                + "\"country\":\"FR\"}}";
        RecordedEvent stored = new RecordedEvent(7, "account", "ada", 2, "account.shipping-address-set", 1, v1,
                new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), null), Instant.EPOCH);

        assertThat(codec.decode(stored)).isEqualTo(new AccountEvent.ShippingAddressSet(
                new Address("12 Rue de la Paix", null, "75002", "Paris", null, "FR")));
        NewEvent current = codec.current(stored);
        assertThat(current.schemaVersion()).isEqualTo(2);
        assertThat(current.payload()).contains("\"city\":\"Paris\"").contains("\"country\":\"FR\"");
        assertThat(stored.payload()).isEqualTo(v1);
        assertThat(codec.encode(codec.decode(stored), stored.metadata()).schemaVersion()).as("written as the current version")
                .isEqualTo(2);
    }

    /** An upcast that skips a version: the codec refuses the hierarchy when it is first used. */
    sealed interface Skipping {
        @EventType(name = "test.skipping", version = 3)
        record Now(String value) implements Skipping {
            @EventType(name = "test.skipping", version = 1)
            record V1(String value) implements Upcast<Now> {
                @Override
                public Now next() {
                    return new Now(value);
                }
            }
        }
    }

    @Test
    void an_upcast_must_lead_to_the_next_version() {
        assertThatThrownBy(() -> EventCodec.of(Skipping.class)).hasMessageContaining("an Upcast to the version after its own");
    }
}
