/**
 * WebSocket plumbing shared by every product endpoint: the subscriber that wraps a session with
 * a bounded, ordered, asynchronous send queue, and the handshake configurator that hands the
 * HTTP session to the endpoint.
 */
package io.herald.socket;
