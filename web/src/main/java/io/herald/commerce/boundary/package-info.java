/**
 * Commerce back office (API document 000) over HTTP: the {@code /commerce/ws} endpoint, its
 * codec, session-cookie login, and REST CRUD for customers, products, orders, shipments and
 * transactions. Endpoints parse, check the session and delegate.
 */
package io.herald.commerce.boundary;
