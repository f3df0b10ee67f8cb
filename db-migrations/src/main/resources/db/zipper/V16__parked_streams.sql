-- A stream one reader (a projection, a process, an automation) could not take an event of after its
-- retries: the reader takes none of that stream's events until an operator retries or skips; every other
-- stream, and every other reader, goes on. stream_version is the first event it did not take.
CREATE TABLE parked_streams (
    reader          VARCHAR(64)   NOT NULL,
    stream_type     VARCHAR(64)   NOT NULL,
    stream_id       VARCHAR(64)   NOT NULL,
    stream_version  INTEGER       NOT NULL,
    position        BIGINT        NOT NULL,
    event_type      VARCHAR(128)  NOT NULL,
    error           VARCHAR(2000) NOT NULL,
    parked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reader, stream_type, stream_id)
);
