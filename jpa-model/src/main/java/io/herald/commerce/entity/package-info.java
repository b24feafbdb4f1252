/**
 * Commerce back office (API document 000): customers, products, orders, shipments, payment
 * transactions and the back-office users who log in. Every change becomes an event.
 */
package io.herald.commerce.entity;
