-- Each customer's key for the personal data in their events (dev.zipper.eventstore.PersonalData), kept
-- outside the log: erasing the customer sets secret to NULL, and their personal data is unreadable from
-- then on, while the log keeps every event.
CREATE TABLE customer_keys (
    customer    VARCHAR(64) PRIMARY KEY,
    secret      VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at   TIMESTAMP WITH TIME ZONE
);
