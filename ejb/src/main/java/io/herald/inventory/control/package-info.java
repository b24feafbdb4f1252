/**
 * Inventory notifications (API document 001): the per-user durable inbox, products with expiry
 * dates and the expiry scan that warns their owners. Notifications are published as events
 * routed to their user, so every open connection of that user on any node receives them.
 */
package io.herald.inventory.control;
