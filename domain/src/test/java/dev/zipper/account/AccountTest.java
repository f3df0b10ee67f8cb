package dev.zipper.account;

import dev.zipper.domain.DeciderFixture;
import dev.zipper.domain.IllegalTransition;
import dev.zipper.domain.Personal;
import dev.zipper.domain.InvalidCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given the events so far, when a command is decided, then these events (or this refusal). */
class AccountTest {

    private static final DeciderFixture<AccountCommand, AccountEvent, Account> ACCOUNT = DeciderFixture.of(Account.TYPE);
    private static final AccountEvent OPENED = new AccountEvent.Opened("Ada", "ada@example.org");

    /** The shortest history that leaves an account in each status. */
    private static final Map<AccountStatus, List<AccountEvent>> HISTORY_TO = Map.of(
            AccountStatus.PENDING, List.of(OPENED),
            AccountStatus.CONFIRMED, List.of(OPENED, new AccountEvent.Confirmed()),
            AccountStatus.ACTIVE, List.of(OPENED, new AccountEvent.Confirmed(), new AccountEvent.Activated()),
            AccountStatus.SUSPENDED, List.of(OPENED, new AccountEvent.Confirmed(), new AccountEvent.Activated(),
                    new AccountEvent.Suspended()),
            AccountStatus.ARCHIVED, List.of(OPENED, new AccountEvent.Confirmed(), new AccountEvent.Activated(),
                    new AccountEvent.Archived()));

    /** Every legal move: from status, command, the event it records, the status it leads to. */
    private static final List<Arguments> LEGAL = List.of(
            Arguments.of(AccountStatus.PENDING, new AccountCommand.Confirm(), new AccountEvent.Confirmed(), AccountStatus.CONFIRMED),
            Arguments.of(AccountStatus.CONFIRMED, new AccountCommand.Activate(), new AccountEvent.Activated(), AccountStatus.ACTIVE),
            Arguments.of(AccountStatus.ACTIVE, new AccountCommand.Suspend(), new AccountEvent.Suspended(), AccountStatus.SUSPENDED),
            Arguments.of(AccountStatus.SUSPENDED, new AccountCommand.Reactivate(), new AccountEvent.Reactivated(), AccountStatus.ACTIVE),
            Arguments.of(AccountStatus.ACTIVE, new AccountCommand.Archive(), new AccountEvent.Archived(), AccountStatus.ARCHIVED),
            Arguments.of(AccountStatus.SUSPENDED, new AccountCommand.Archive(), new AccountEvent.Archived(), AccountStatus.ARCHIVED));

    private static final List<AccountCommand.Transition> TRANSITIONS = List.of(new AccountCommand.Confirm(),
            new AccountCommand.Activate(), new AccountCommand.Suspend(), new AccountCommand.Reactivate(),
            new AccountCommand.Archive());

    static Stream<Arguments> legalTransitions() {
        return LEGAL.stream();
    }

    /** Every (status, transition) pair that is not in the legal table. */
    static Stream<Arguments> illegalTransitions() {
        List<Arguments> illegal = new ArrayList<>();
        for (AccountStatus from : AccountStatus.values()) {
            for (AccountCommand.Transition command : TRANSITIONS) {
                boolean legal = LEGAL.stream().anyMatch(a -> a.get()[0] == from && a.get()[1].equals(command));
                if (!legal) {
                    illegal.add(Arguments.of(from, command));
                }
            }
        }
        return illegal.stream();
    }

    @Test
    void opening_a_new_account_records_it_as_pending() {
        ACCOUNT.given()
                .when(new AccountCommand.Open(" Ada ", "ada@example.org"))
                .then(OPENED)
                .andState(new Account(AccountStatus.PENDING, "Ada", "ada@example.org", null));
    }

    @ParameterizedTest(name = "open is refused when the account is {0}")
    @MethodSource("everyStatus")
    void opening_an_existing_account_is_refused(AccountStatus status) {
        ACCOUNT.given(HISTORY_TO.get(status))
                .when(new AccountCommand.Open("Bob", "bob@example.org"))
                .thenRejected(IllegalTransition.class, "already exists", status.name());
    }

    @ParameterizedTest(name = "{1} from {0} records {2} and leads to {3}")
    @MethodSource("legalTransitions")
    void legal_transition(AccountStatus from, AccountCommand command, AccountEvent expected, AccountStatus to) {
        ACCOUNT.given(HISTORY_TO.get(from))
                .when(command)
                .then(expected)
                .andState(new Account(to, "Ada", "ada@example.org", null));
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @MethodSource("illegalTransitions")
    void illegal_transition_is_refused_saying_what_from_where(AccountStatus from, AccountCommand.Transition command) {
        ACCOUNT.given(HISTORY_TO.get(from))
                .when(command)
                .thenRejected(IllegalTransition.class, "Cannot " + command.verb(), "is " + from.name());
    }

    @ParameterizedTest(name = "{0} on an account that does not exist is refused")
    @MethodSource("transitions")
    void transition_on_a_missing_account_is_refused(AccountCommand.Transition command) {
        ACCOUNT.given()
                .when(command)
                .thenRejected(IllegalTransition.class, "does not exist");
    }

    @Test
    void illegal_table_covers_every_other_pair() {
        assertThat(illegalTransitions().count() + LEGAL.size())
                .isEqualTo((long) AccountStatus.values().length * TRANSITIONS.size());
    }

    @ParameterizedTest(name = "open(''{0}'', ''{1}'') is invalid: {2}")
    @CsvSource(nullValues = "null", value = {
            "null, ada@example.org, name must not be blank",
            "'  ', ada@example.org, name must not be blank",
            "Ada, null, email must not be blank",
            "Ada, '', email must not be blank",
            "Ada, ada.example.org, email must look like",
            "Ada, ada@, email must look like",
            "Ada, @example.org, email must look like"})
    void open_with_a_missing_or_malformed_field_is_invalid(String name, String email, String message) {
        assertThatThrownBy(() -> new AccountCommand.Open(name, email))
                .isInstanceOf(InvalidCommand.class)
                .hasMessageContaining(message);
    }

    static Stream<AccountStatus> everyStatus() {
        return Stream.of(AccountStatus.values());
    }

    static Stream<AccountCommand.Transition> transitions() {
        return TRANSITIONS.stream();
    }

    @Test
    void a_shipping_address_is_kept_through_the_life_cycle_but_not_set_on_an_archived_account() {
        Address home = new Address("12 Rue de la Paix", null, "75002", "Paris", null, "FR");
        ACCOUNT.given(HISTORY_TO.get(AccountStatus.ACTIVE)).when(new AccountCommand.SetShippingAddress(home))
                .then(new AccountEvent.ShippingAddressSet(home))
                .andState(new Account(AccountStatus.ACTIVE, "Ada", "ada@example.org", home));
        List<AccountEvent> suspendedWithAddress = new ArrayList<>(HISTORY_TO.get(AccountStatus.ACTIVE));
        suspendedWithAddress.add(new AccountEvent.ShippingAddressSet(home));
        ACCOUNT.given(suspendedWithAddress).when(new AccountCommand.Suspend()).then(new AccountEvent.Suspended())
                .andState(new Account(AccountStatus.SUSPENDED, "Ada", "ada@example.org", home));
        ACCOUNT.given(HISTORY_TO.get(AccountStatus.ARCHIVED)).when(new AccountCommand.SetShippingAddress(home))
                .thenRejected(IllegalTransition.class, "ARCHIVED");
        ACCOUNT.given().when(new AccountCommand.SetShippingAddress(home)).thenRejected(IllegalTransition.class, "does not exist");
        assertThatThrownBy(() -> new Address("1 Main St", null, "1000", "Brussels", null, "XX")).isInstanceOf(InvalidCommand.class)
                .hasMessageContaining("ISO 3166");
        assertThatThrownBy(() -> new Address(" ", null, "1000", "Brussels", null, "BE")).hasMessageContaining("line1 must not be blank");
    }

    @Test
    void an_address_set_in_version_1_reads_as_one_without_a_region_and_a_region_is_checked() {
        var v1 = new AccountEvent.ShippingAddressSet.V1(
                new AccountEvent.ShippingAddressSet.V1.Address("1 Main St", "Flat 2", "1000", "Brussels", "BE"));

        assertThat(v1.next()).isEqualTo(new AccountEvent.ShippingAddressSet(
                new Address("1 Main St", "Flat 2", "1000", "Brussels", null, "BE")));
        assertThat(new Address("1-1 Chiyoda", null, "100-0001", "Chiyoda-ku", " Tokyo ", "JP").region()).isEqualTo("Tokyo");
        assertThatThrownBy(() -> new Address("1 Main St", null, "1000", "Brussels", " ", "BE"))
                .hasMessageContaining("region must not be blank");
    }

    @Test
    void erasing_archives_the_account_with_its_personal_data_erased_once_and_takes_nothing_personal_after() {
        Address home = new Address("12 Rue de la Paix", null, "75002", "Paris", null, "FR");
        List<AccountEvent> withAddress = new ArrayList<>(HISTORY_TO.get(AccountStatus.ACTIVE));
        withAddress.add(new AccountEvent.ShippingAddressSet(home));
        ACCOUNT.given(withAddress).when(new AccountCommand.Erase()).then(new AccountEvent.Erased())
                .andState(new Account(AccountStatus.ARCHIVED, Personal.ERASED, Personal.ERASED, null));
        List<AccountEvent> erased = new ArrayList<>(withAddress);
        erased.add(new AccountEvent.Erased());
        ACCOUNT.given(erased).when(new AccountCommand.Erase()).then();
        ACCOUNT.given(erased).when(new AccountCommand.SetShippingAddress(home)).thenRejected(IllegalTransition.class, "ARCHIVED");
        ACCOUNT.given().when(new AccountCommand.Erase()).thenRejected(IllegalTransition.class, "does not exist");
    }
}
