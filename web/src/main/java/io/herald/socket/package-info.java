/**
 * WebSocket plumbing shared by every product endpoint: the subscriber that wraps a session with
 * a bounded, ordered, asynchronous send queue, the handshake configurator that hands the HTTP
 * session to the endpoint (for an allowed origin, {@link io.herald.socket.OriginPolicy}), the
 * timers for socket deadlines (token expiry, authentication timeout), the per-connection inbound
 * rate limit and the per-connection budget of error replies.
 */
package io.herald.socket;
