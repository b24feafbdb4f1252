/**
 * Commerce back office (API document 000): channels and their routing keys, the mapping from
 * entity changes to the documented events, CRUD with validation, back-office logins and the
 * demo data of the embedded default.
 */
package io.herald.commerce.control;
