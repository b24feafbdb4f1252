-- The event log's identity (an epoch, new for every database) and how far retention has pruned it:
-- a client resuming with an event id of another database, or from before the pruned part, is told
-- that it missed events instead of being replayed a partial history.
CREATE TABLE herald_log_identity (
    epoch CHARACTER VARYING(32) NOT NULL,
    pruned_through BIGINT NOT NULL
);
INSERT INTO herald_log_identity (epoch, pruned_through) VALUES (SUBSTRING(REPLACE(CAST(RANDOM_UUID() AS VARCHAR), '-', ''), 1, 12), 0);
