/**
 * Inventory notifications (API document 001) over HTTP: the
 * {@code /inventory/api/ws/notification?access_token=…} endpoint with its codec, and the REST
 * resources for products with expiry dates and notifications ({@code Authorization: Bearer}).
 */
package io.herald.inventory.boundary;
