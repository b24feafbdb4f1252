/**
 * Order status for API customers (API document 002): organizations, their API keys (the secret
 * kept only encrypted) and their orders. Ids are assigned by the application (a slug for
 * organizations, random prefixed strings for keys and orders), never by the database.
 */
package io.herald.orders.entity;
