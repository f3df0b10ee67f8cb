-- The work one instance does at a time when several share the database (the relay, the sweeps): the
-- instance that holds the lease, the term it holds it in (one more at every taking over), since when,
-- and until when it holds it unless it renews, by the database's clock. The relay records its position
-- only while its term holds (fencing: an instance paused past its lease records nothing on waking).
CREATE TABLE log_leases (
    name        VARCHAR(64)  PRIMARY KEY,
    holder      VARCHAR(200) NOT NULL,
    term        BIGINT       NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
