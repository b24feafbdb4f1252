/**
 * The operations boundary: what operators and client developers read about, and do to, a running
 * Herald rather than what its product clients use: the machine-readable AsyncAPI 3.0 documents of
 * the five product APIs ({@code GET /asyncapi}, {@code GET /asyncapi/<product>.yaml}); the node's
 * figures in MicroProfile Metrics ({@link io.herald.operations.boundary.MetricsExport}) and in the
 * MXBean {@code io.herald:type=Gateway}; and the admin page ({@code /admin/}, its API under
 * {@code /admin/api} and its live socket {@code /admin/ws}), for administrators only.
 */
package io.herald.operations.boundary;
