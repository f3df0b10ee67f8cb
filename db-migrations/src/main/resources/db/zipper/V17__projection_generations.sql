-- A projection's generations: the version of its definition its live table was built by, and the rebuild
-- under way, if any, filling the next generation in schema zipper_next from the log (dev.zipper.readside.Rebuilds).
CREATE SCHEMA IF NOT EXISTS zipper_next;
CREATE TABLE projection_generations (
    projection         VARCHAR(64)   PRIMARY KEY,
    version            INTEGER       NOT NULL,
    rebuilding_to      INTEGER,
    position           BIGINT        DEFAULT 0 NOT NULL,
    head               BIGINT        DEFAULT 0 NOT NULL,
    events_per_second  DOUBLE PRECISION DEFAULT 0 NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE,
    error              VARCHAR(2000)
);
