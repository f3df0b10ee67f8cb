-- The W3C trace context (traceparent) of the span that appended an event, when tracing is on: the relay
-- publishes it with the event, so one trace follows a request through the outbox, even across a restart.
ALTER TABLE events ADD COLUMN trace VARCHAR(64);
