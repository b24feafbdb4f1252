/**
 * Inventory notifications (API document 001): products with an expiry date, owned by a user
 * (the token's {@code sub}), and the durable per-user notification inbox.
 */
package io.herald.inventory.entity;
