/**
 * Order status for API customers (API document 002) over HTTP: the {@code /orders/ws} endpoint
 * (authenticated by its first {@code connect} message), its codec, the order REST API with
 * {@code X-API-Key} (plus {@code X-Authorization-Signature} for listing and changing), and the admin REST API for organizations and keys (Bearer JWT, role
 * {@code admin}). Endpoints parse and delegate to {@code io.herald.orders.control}.
 */
package io.herald.orders.boundary;
