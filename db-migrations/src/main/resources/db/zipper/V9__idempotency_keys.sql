-- Idempotency-Key: one row per key a client sent with a command. The command's own transaction inserts
-- it first (a second request with the key waits on it, then finds it) and records what the command did;
-- the answer the client got is kept once sent, for retries. Purged after zipper.idempotency.keep-hours.
CREATE TABLE idempotency_keys (
    idempotency_key  VARCHAR(255)   PRIMARY KEY,
    fingerprint      CHAR(64)       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    stream_type      VARCHAR(64),
    stream_id        VARCHAR(64),
    stream_version   INTEGER,
    log_position     BIGINT,
    answer_status    INTEGER,
    answer_headers   VARCHAR(4000),
    answer_body      VARCHAR(200000)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
