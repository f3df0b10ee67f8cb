package dev.zipper.account.view;

import dev.zipper.account.Account;
import dev.zipper.account.Address;
import dev.zipper.account.AccountEvent;
import dev.zipper.account.AccountStatus;
import dev.zipper.projection.ReadRow;
import dev.zipper.web.JsonObjects;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A row of the account read table: the account as its events left it, by the domain's own rules. */
@Entity
@Table(name = "account_view")
public class AccountView extends ReadRow<AccountEvent> {

    private String name;
    private String email;
    @Enumerated(EnumType.STRING)
    private AccountStatus status;
    @Column(name = "ship_line1")
    private String shipLine1;
    @Column(name = "ship_line2")
    private String shipLine2;
    @Column(name = "ship_postal_code")
    private String shipPostalCode;
    @Column(name = "ship_city")
    private String shipCity;
    @Column(name = "ship_country")
    private String shipCountry;

    protected AccountView() {
    }

    AccountView(String id) {
        super(id);
    }

    @Override
    protected void apply(AccountEvent event) {
        Account account = Account.TYPE.decider().evolve(new Account(status, name, email, shippingAddress()), event);
        name = account.name();
        email = account.email();
        status = account.status();
        Address address = account.shippingAddress();
        if (address != null) {
            shipLine1 = address.line1();
            shipLine2 = address.line2();
            shipPostalCode = address.postalCode();
            shipCity = address.city();
            shipCountry = address.country();
        }
    }

    private Address shippingAddress() {
        return shipLine1 == null ? null : new Address(shipLine1, shipLine2, shipPostalCode, shipCity, shipCountry);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonObjects.object()
                .add("id", id())
                .add("name", name)
                .add("email", email)
                .add("status", status.name());
        if (shipLine1 != null) {
            JsonObjectBuilder address = JsonObjects.object().add("line1", shipLine1);
            if (shipLine2 != null) {
                address.add("line2", shipLine2);
            }
            json.add("shippingAddress", address.add("postalCode", shipPostalCode).add("city", shipCity)
                    .add("country", shipCountry));
        }
        return json.add("version", version()).build();
    }
}
