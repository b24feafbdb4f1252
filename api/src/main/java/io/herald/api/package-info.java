/**
 * Herald's public API for applications: fire a {@link io.herald.api.HeraldEvent} with
 * {@code jakarta.enterprise.event.Event} inside a transaction, or put
 * {@link io.herald.api.HeraldEntityListener} and {@link io.herald.api.HeraldEntity} on a JPA
 * entity, and Herald pushes the events to the subscribed WebSocket clients on every node once the
 * transaction has committed ({@link io.herald.api.HeraldRelay} sends them from an application).
 */
package io.herald.api;
