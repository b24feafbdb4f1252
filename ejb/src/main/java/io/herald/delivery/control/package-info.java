/**
 * Delivery of events on one node: the versioned JSON envelope carried on the JMS topic, the
 * publisher that sends committed events to the topic in commit order, the per-node session
 * registry indexed by routing key, and the fan-out that drops duplicates and hands each event
 * to the matching subscribers. No {@code jakarta.websocket} types appear here.
 */
package io.herald.delivery.control;
