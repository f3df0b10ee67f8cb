-- The database alone doing an event store's append (bench/SideBySide.java raw): read the stream's
-- version, insert the next event, commit. Table raw_events is made by bench/side-by-side.sh.
-- a new stream each time: ids drawn from 2^62, so that 10^6 appends of a run do not collide
\set stream random(1, 4611686018427387904)
BEGIN;
SELECT COALESCE(MAX(stream_version), 0) FROM raw_events WHERE stream_id = :stream::text;
INSERT INTO raw_events (stream_id, stream_version, event_type, payload) VALUES (:stream::text, 1, 'AccountOpened', '{"name":"Bench","email":"bench@example.org"}');
COMMIT;
