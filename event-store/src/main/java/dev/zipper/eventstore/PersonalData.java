package dev.zipper.eventstore;

import dev.zipper.domain.Personal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crypto-shredding: the {@link Personal} fields of an event are stored encrypted (AES-256-GCM) with a key
 * of the customer its stream belongs to, kept in table customer_keys, outside the log. A sealed field is
 * {@code {"sealed": "<iv and ciphertext, base64>", "erased": <what it reads as once erased>}}. Erasing the
 * customer deletes the key (and the snapshots of their streams, which hold their data in clear): the log
 * keeps every event, and every reader gets the stand-in from then on. Keys read from the database are kept
 * here for {@value #KEEP_SECONDS} s, so another instance reads an erased customer's data for that long at most.
 */
final class PersonalData {

    private static final String SEALED = "sealed";
    private static final String STAND_IN = "erased";
    private static final int KEEP_SECONDS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A customer's key as read (empty: erased), and when. */
    private record Known(Optional<SecretKey> key, long readAt) {
    }

    private final Map<String, Known> keys = new ConcurrentHashMap<>();

    /** The payload with these fields sealed under the owner's key (made now if they have none). */
    String seal(Connection connection, String payload, Set<String> fields, String owner) throws SQLException {
        if (fields.isEmpty() || owner == null) {
            return payload;
        }
        SecretKey key = keyOf(connection, owner).orElse(null);
        if (key == null) {
            key = create(connection, owner);
        }
        JsonObject event = parse(payload);
        JsonObjectBuilder sealed = Json.createObjectBuilder(event);
        for (String field : fields) {
            JsonValue value = event.get(field);
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                sealed.add(field, Json.createObjectBuilder().add(SEALED, encrypt(key, value.toString()))
                        .add(STAND_IN, value.getValueType() == JsonValue.ValueType.STRING ? Json.createValue(Personal.ERASED)
                                : JsonValue.NULL));
            }
        }
        return sealed.build().toString();
    }

    /** Whether the payload may hold sealed fields (a cheap look, before any key is fetched). */
    static boolean sealed(String payload) {
        return payload.contains("\"" + SEALED + "\"");
    }

    /** The payload with its sealed fields opened, or their stand-ins if the owner has been erased. */
    String open(Connection connection, String payload, String owner) throws SQLException {
        if (owner == null || !sealed(payload)) {
            return payload;
        }
        JsonObject event = parse(payload);
        JsonObjectBuilder opened = Json.createObjectBuilder(event);
        Optional<SecretKey> key = Optional.empty();
        boolean read = false;
        for (Map.Entry<String, JsonValue> field : event.entrySet()) {
            if (field.getValue() instanceof JsonObject value && value.containsKey(SEALED)) {
                if (!read) {
                    key = keyOf(connection, owner);
                    read = true;
                }
                opened.add(field.getKey(), key.isPresent() ? parseValue(decrypt(key.get(), value.getString(SEALED)))
                        : value.getOrDefault(STAND_IN, JsonValue.NULL));
            }
        }
        return opened.build().toString();
    }

    /** Destroys the owner's key, in the caller's transaction, and deletes the snapshots of their streams. */
    void erase(Connection connection, String owner) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE customer_keys SET secret = NULL, erased_at = ? WHERE customer = ?")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            update.setString(2, owner);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO customer_keys (customer, secret, created_at, erased_at) VALUES (?, NULL, ?, ?)")) {
                    insert.setString(1, owner);
                    insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement snapshots = connection.prepareStatement("DELETE FROM snapshots WHERE EXISTS (SELECT 1 "
                + "FROM events e WHERE e.owner = ? AND e.stream_type = snapshots.stream_type AND e.stream_id = snapshots.stream_id)")) {
            snapshots.setString(1, owner);
            snapshots.executeUpdate();
        }
        keys.remove(owner);
    }

    /** The owner's key; empty if they have none yet or have been erased (then {@link #create} refuses). */
    private Optional<SecretKey> keyOf(Connection connection, String owner) throws SQLException {
        Known known = keys.get(owner);
        if (known != null && System.nanoTime() - known.readAt() < KEEP_SECONDS * 1_000_000_000L) {
            return known.key();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM customer_keys WHERE customer = ?")) {
            select.setString(1, owner);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty(); // not kept: a key made by a transaction not yet committed may yet vanish
                }
                String secret = row.getString(1);
                Optional<SecretKey> key = Optional.ofNullable(secret)
                        .map(s -> new SecretKeySpec(Base64.getDecoder().decode(s), "AES"));
                keys.put(owner, new Known(key, System.nanoTime()));
                return key;
            }
        }
    }

    private SecretKey create(Connection connection, String owner) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT erased_at FROM customer_keys WHERE customer = ?")) {
            select.setString(1, owner);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    throw new IllegalStateException("The personal data of " + owner + " has been erased: none is recorded again");
                }
            }
        }
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey key = generator.generateKey();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO customer_keys (customer, secret, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, owner);
                insert.setString(2, Base64.getEncoder().encodeToString(key.getEncoded()));
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private static String encrypt(SecretKey key, String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal personal data", e);
        }
    }

    private static String decrypt(SecretKey key, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open sealed personal data", e);
        }
    }

    private static JsonObject parse(String payload) {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }

    private static JsonValue parseValue(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
