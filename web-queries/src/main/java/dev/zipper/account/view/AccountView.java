package dev.zipper.account.view;

import dev.zipper.account.Account;
import dev.zipper.account.AccountStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the account read table: the account as of stream version {@link #version}. */
@Entity
@Table(name = "account_view")
public class AccountView {

    @Id
    private String id;
    private String name;
    private String email;
    @Enumerated(EnumType.STRING)
    private AccountStatus status;
    private int version;
    @Column(name = "last_position")
    private long lastPosition;

    protected AccountView() {
    }

    AccountView(String id) {
        this.id = id;
    }

    Account account() {
        return new Account(status, name, email);
    }

    /** Takes the account's new state, as of the event at this stream version and log position. */
    void update(Account account, int version, long position) {
        this.name = account.name();
        this.email = account.email();
        this.status = account.status();
        this.version = version;
        this.lastPosition = position;
    }

    String id() {
        return id;
    }

    int version() {
        return version;
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("email", email)
                .add("status", status.name())
                .add("version", version)
                .build();
    }
}
