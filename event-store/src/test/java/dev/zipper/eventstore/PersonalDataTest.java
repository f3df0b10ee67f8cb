package dev.zipper.eventstore;

import dev.zipper.account.AccountEvent;
import dev.zipper.account.Address;
import dev.zipper.domain.Personal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Crypto-shredding, on H2 or PostgreSQL: an account's name, email and address are stored encrypted with its
 * customer's key and read back in clear; once the customer is erased the log still holds every event, at
 * the same positions, and every read shows the fields as erased; no new personal data is taken for them.
 */
class PersonalDataTest {

    private static final EventCodec<AccountEvent> CODEC = EventCodec.of(AccountEvent.class);
    private static final Address HOME = new Address("12 Rue de la Paix", null, "75002", "Paris", null, "FR");

    private final TestDatabase database = TestDatabase.fresh();
    private final EventLog log = new EventLog(database.dataSource(), EventLog.Transactions.LOCAL);

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void personal_fields_are_stored_sealed_read_in_clear_and_erased_with_the_key() throws SQLException {
        StreamId ada = new StreamId("account", "ada");
        log.append(ada, 0, List.of(encode(new AccountEvent.Opened("Ada Lovelace", "ada@example.org"), "ada"),
                encode(new AccountEvent.Confirmed(), "ada"), encode(new AccountEvent.ShippingAddressSet(HOME), "ada")));
        log.append(new StreamId("account", "bob"), 0, List.of(encode(new AccountEvent.Opened("Bob", "bob@example.org"), "bob")));

        assertThat(stored()).noneMatch(payload -> payload.contains("Ada") || payload.contains("ada@") || payload.contains("Paris"))
                .anyMatch(payload -> payload.contains("\"sealed\""));
        assertThat(log.readStream(ada, 0)).extracting(CODEC::decode).containsExactly(
                new AccountEvent.Opened("Ada Lovelace", "ada@example.org"), new AccountEvent.Confirmed(),
                new AccountEvent.ShippingAddressSet(HOME));
        List<Long> positions = log.readLog(0, 100).stream().map(RecordedEvent::position).toList();

        log.append(ada, 3, List.of(encode(new AccountEvent.Erased(), "ada")));

        assertThat(log.readStream(ada, 0)).extracting(CODEC::decode).containsExactly(
                new AccountEvent.Opened(Personal.ERASED, Personal.ERASED), new AccountEvent.Confirmed(),
                new AccountEvent.ShippingAddressSet(null), new AccountEvent.Erased());
        assertThat(log.readLog(0, 100)).extracting(RecordedEvent::position).startsWith(positions.toArray(Long[]::new)).hasSize(5);
        assertThat(CODEC.decode(log.readStream(new StreamId("account", "bob"), 0).get(0))).as("another customer's")
                .isEqualTo(new AccountEvent.Opened("Bob", "bob@example.org"));
        assertThatThrownBy(() -> log.append(ada, 4, List.of(encode(new AccountEvent.ShippingAddressSet(HOME), "ada"))))
                .hasMessageContaining("has been erased");
    }

    @Test
    void the_relay_reads_what_the_log_stores_and_a_reader_opens_it() {
        StreamId ada = new StreamId("account", "ada");
        log.append(ada, 0, List.of(encode(new AccountEvent.Opened("Ada Lovelace", "ada@example.org"), "ada")));

        RecordedEvent sealed = log.readLogSealed(0, 10).get(0);

        assertThat(sealed.payload()).doesNotContain("Ada");
        assertThat(CODEC.decode(log.open(sealed))).isEqualTo(new AccountEvent.Opened("Ada Lovelace", "ada@example.org"));
    }

    private static NewEvent encode(AccountEvent event, String owner) {
        UUID cause = UUID.randomUUID();
        return CODEC.encode(event, new EventMetadata(UUID.randomUUID(), cause, cause, null, owner));
    }

    private List<String> stored() throws SQLException {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT payload FROM events ORDER BY position")) {
            while (rows.next()) {
                payloads.add(rows.getString(1));
            }
        }
        return payloads;
    }
}
