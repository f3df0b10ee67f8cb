-- Positions in commit order, without gaps. An identity hands out positions at insert time, but
-- transactions commit in another order: a reader that has seen position 12 could miss 11 committing
-- a moment later, and a rolled-back transaction leaves a hole it cannot tell from a slow one.
-- Instead every append increments log_head.position in its own transaction: the row lock it takes
-- is held until commit, so the next append gets the next positions only after this one has
-- committed or rolled back (and a rollback takes its increment back with it).
CREATE TABLE log_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    position  BIGINT  NOT NULL
);
INSERT INTO log_head (id, position) SELECT 1, COALESCE(MAX(position), 0) FROM events;

ALTER TABLE events ALTER COLUMN position DROP IDENTITY;

-- How far each reader of the log has got (the relay that publishes the log to JMS, catch-up readers):
-- written in the same transaction as whatever the reader did with the events up to there.
CREATE TABLE log_readers (
    name      VARCHAR(64) PRIMARY KEY,
    position  BIGINT      NOT NULL
);
