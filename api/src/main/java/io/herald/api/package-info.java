/**
 * Herald's public API for applications: fire a {@link io.herald.api.HeraldEvent} with
 * {@code jakarta.enterprise.event.Event} inside a transaction and Herald logs it with that
 * transaction and pushes it to the subscribed WebSocket clients on every node after commit.
 */
package io.herald.api;
