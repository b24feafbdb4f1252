/** The message-driven bean on the event topic: every node receives every event. */
package io.herald.delivery.boundary;
