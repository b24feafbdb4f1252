package io.herald.orders.control;

/**
 * What a {@code connect} message asks for, as the codec read it.
 *
 * @param apiKey {@code api_key}; {@code null} when it is missing, not a string or blank
 * @param signature {@code authorization_signature}; {@code null} when absent, JSON null or blank
 *     (an API-key-only connect); a value that is not a string arrives as its JSON text and is
 *     refused as malformed
 */
public record ConnectRequest(String apiKey, String signature) {
}
