/**
 * The operations boundary: what operators and client developers read about a running Herald
 * rather than what its product clients use. For now the machine-readable AsyncAPI 3.0 documents of
 * the five product APIs ({@code GET /asyncapi}, {@code GET /asyncapi/<product>.yaml}), served from
 * the class path; later metrics and administration belong here too.
 */
package io.herald.operations.boundary;
