package dev.zipper.account;

import dev.zipper.readside.ReadRow;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A row of account_view: the account as its events left it, by the domain's own rules. */
@Entity
@Table(name = "account_view")
public class AccountView extends ReadRow<AccountEvent> {

    private String name;
    private String email;
    @Enumerated(EnumType.STRING)
    private AccountStatus status;
    @Embedded
    @AttributeOverride(name = "line1", column = @Column(name = "ship_line1"))
    @AttributeOverride(name = "line2", column = @Column(name = "ship_line2"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "ship_postal_code"))
    @AttributeOverride(name = "city", column = @Column(name = "ship_city"))
    @AttributeOverride(name = "region", column = @Column(name = "ship_region"))
    @AttributeOverride(name = "country", column = @Column(name = "ship_country"))
    private ShippingAddress shippingAddress;

    /** The address columns; all null until one is set. */
    @Embeddable
    public static class ShippingAddress {
        private String line1;
        private String line2;
        private String postalCode;
        private String city;
        private String region;
        private String country;

        Address toAddress() {
            return new Address(line1, line2, postalCode, city, region, country);
        }
    }

    protected AccountView() {
    }

    AccountView(String id) {
        super(id);
    }

    @Override
    protected void apply(AccountEvent event) {
        Account account = Account.TYPE.decider().evolve(new Account(status, name, email,
                shippingAddress == null ? null : shippingAddress.toAddress()), event);
        name = account.name();
        email = account.email();
        status = account.status();
        Address address = account.shippingAddress();
        if (address != null) {
            shippingAddress = new ShippingAddress();
            shippingAddress.line1 = address.line1();
            shippingAddress.line2 = address.line2();
            shippingAddress.postalCode = address.postalCode();
            shippingAddress.city = address.city();
            shippingAddress.region = address.region();
            shippingAddress.country = address.country();
        }
    }
}
