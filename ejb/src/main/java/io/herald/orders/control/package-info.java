/**
 * Order status for API customers (API document 002): organizations and their API keys (secrets
 * sealed with AES-GCM), orders with their lifecycle and events, the {@code connect} message's
 * authentication (API key, optionally an HMAC {@code authorization_signature}) and the rules of
 * who may subscribe to what. No {@code jakarta.websocket} types here: the connection state
 * ({@link io.herald.orders.control.OrderSession}) and the rules are plain classes with unit tests.
 */
package io.herald.orders.control;
