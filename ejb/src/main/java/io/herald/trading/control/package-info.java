/**
 * Trading events (document 004): rooms, the events' routing keys, inbound rate limits, and the
 * producers of system events.
 */
package io.herald.trading.control;
