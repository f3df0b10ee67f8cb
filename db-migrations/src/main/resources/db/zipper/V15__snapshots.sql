-- The latest snapshot of a stream's state, taken by the command that brought it to stream_version:
-- a command starts from it and reads only the events after it. state_version is the shape of the state
-- record (@StateVersion); a snapshot of another shape is ignored. Not the log: it can be deleted at any
-- time and is taken again.
CREATE TABLE snapshots (
    stream_type     VARCHAR(64) NOT NULL,
    stream_id       VARCHAR(64) NOT NULL,
    stream_version  INTEGER     NOT NULL,
    position        BIGINT      NOT NULL,
    state_version   INTEGER     NOT NULL,
    state           VARCHAR     NOT NULL,
    taken_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (stream_type, stream_id)
);
