-- A stream is identified by its type and its id, so streams of different types (an order and the
-- process that follows it, keyed by the same order id) never share versions. The unique key that
-- guards concurrent appends, and the index every stream read uses, include the type.
ALTER TABLE events DROP CONSTRAINT events_stream_version;
ALTER TABLE events ADD CONSTRAINT events_stream_version UNIQUE (stream_type, stream_id, stream_version);
