/**
 * The event log (transactional outbox): every durable event gets a row with a monotonically
 * increasing id in the transaction that produced it, and is marked published once it reached
 * the JMS topic.
 */
package io.herald.eventlog.entity;
