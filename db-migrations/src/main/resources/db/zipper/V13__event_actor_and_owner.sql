-- Who did what an event records (the subject and roles of the caller's token; none for the system's own
-- steps), and the customer whose data the event's stream is: a customer's live stream shows their own.
ALTER TABLE events ADD COLUMN actor_subject VARCHAR(255);
ALTER TABLE events ADD COLUMN actor_roles VARCHAR(255);
ALTER TABLE events ADD COLUMN owner VARCHAR(64);
