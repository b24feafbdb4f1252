/**
 * Point-of-sale events (document 003): channels and their parameters, server-side filters,
 * permissions from the token, and the routing keys of the events.
 */
package io.herald.pos.control;
