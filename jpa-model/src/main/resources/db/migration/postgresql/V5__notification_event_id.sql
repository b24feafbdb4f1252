-- The event-log id of the notification:created event that announced each inventory notification,
-- so that the unread notifications sent on connect carry the same event_id as the live ones.
-- Notifications stored before this version have none.
ALTER TABLE inventory_notification ADD COLUMN event_id BIGINT;
