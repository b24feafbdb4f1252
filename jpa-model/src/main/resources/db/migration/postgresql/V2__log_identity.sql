-- The event log's identity (an epoch, new for every database) and how far retention has pruned it:
-- a client resuming with an event id of another database, or from before the pruned part, is told
-- that it missed events instead of being replayed a partial history.
CREATE TABLE herald_log_identity (
    epoch character varying(32) NOT NULL,
    pruned_through bigint NOT NULL
);
INSERT INTO herald_log_identity (epoch, pruned_through) VALUES (substr(replace(gen_random_uuid()::text, '-', ''), 1, 12), 0);
