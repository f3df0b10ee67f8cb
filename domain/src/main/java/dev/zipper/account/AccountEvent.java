package dev.zipper.account;

import dev.zipper.domain.ErasesPersonalData;
import dev.zipper.domain.EventType;
import dev.zipper.domain.Personal;
import dev.zipper.domain.Upcast;

/** What has happened to a customer account. Names and versions are the log's, not Java's. */
public sealed interface AccountEvent {

    @EventType(name = "account.opened", version = 1)
    record Opened(@Personal String name, @Personal String email) implements AccountEvent { }

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

    /** The customer's personal data erased: their name, email and addresses read as erased from then on. */
    @EventType(name = "account.erased", version = 1)
    record Erased() implements AccountEvent, ErasesPersonalData { }

    /** Version 2: the address has a region. */
    @EventType(name = "account.shipping-address-set", version = 2)
    record ShippingAddressSet(@Personal Address address) implements AccountEvent {

        /** Version 1, as stored until the address had a region: it reads as an address without one. */
        @EventType(name = "account.shipping-address-set", version = 1)
        public record V1(Address address) implements Upcast<ShippingAddressSet> {

            /** The address as version 1 stored it. */
            public record Address(String line1, String line2, String postalCode, String city, String country) {
            }

            @Override
            public ShippingAddressSet next() {
                return new ShippingAddressSet(new dev.zipper.account.Address(address.line1(), address.line2(),
                        address.postalCode(), address.city(), null, address.country()));
            }
        }
    }
}
