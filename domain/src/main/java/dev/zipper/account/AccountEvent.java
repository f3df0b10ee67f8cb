package dev.zipper.account;

import dev.zipper.domain.EventType;

/** What has happened to a customer account. Names and versions are the log's, not Java's. */
public sealed interface AccountEvent {

    @EventType(name = "account.opened", version = 1)
    record Opened(String name, String email) implements AccountEvent { }

    @EventType(name = "account.confirmed", version = 1)
    record Confirmed() implements AccountEvent { }

    @EventType(name = "account.activated", version = 1)
    record Activated() implements AccountEvent { }

    @EventType(name = "account.suspended", version = 1)
    record Suspended() implements AccountEvent { }

    @EventType(name = "account.reactivated", version = 1)
    record Reactivated() implements AccountEvent { }

    @EventType(name = "account.archived", version = 1)
    record Archived() implements AccountEvent { }

    @EventType(name = "account.shipping-address-set", version = 1)
    record ShippingAddressSet(Address address) implements AccountEvent { }
}
