/** Readiness of the gateway: the broker and the database answer. */
package io.herald.health;
