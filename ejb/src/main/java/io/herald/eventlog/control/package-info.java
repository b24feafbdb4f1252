/**
 * The transactional outbox: durable events are appended to the event log inside the producing
 * transaction and handed to the publisher after commit; a periodic repair publishes rows a
 * crash or a broker outage left unpublished.
 */
package io.herald.eventlog.control;
