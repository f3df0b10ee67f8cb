-- The log: one row per event, never updated or deleted.
-- position orders the whole log; (stream_id, stream_version) orders one stream and guards
-- concurrent appends: a second writer with the same expected version hits the unique key.
CREATE TABLE events (
    position        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_type     VARCHAR(64)  NOT NULL,
    stream_id       VARCHAR(64)  NOT NULL,
    stream_version  INTEGER      NOT NULL,
    event_type      VARCHAR(128) NOT NULL,
    schema_version  INTEGER      NOT NULL,
    payload         VARCHAR      NOT NULL,
    event_id        UUID         NOT NULL,
    correlation_id  UUID         NOT NULL,
    causation_id    UUID         NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT events_stream_version UNIQUE (stream_id, stream_version),
    CONSTRAINT events_event_id UNIQUE (event_id)
);
