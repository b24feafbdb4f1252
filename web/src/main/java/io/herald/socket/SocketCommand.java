package io.herald.socket;

import io.herald.common.control.StrictJson;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.function.BiFunction;

/**
 * A client message decoded by a product's codec; it runs itself on the connection and returns the
 * reply text, or {@code null} for none. {@link Ping} and {@link Invalid} are common to every
 * product; each answers in the product's own shape.
 *
 * @param <C> the product's connection
 */
public interface SocketCommand<C extends SocketConnection> {

    String runOn(C connection);

    /**
     * Reads a frame that must be a JSON object with a string {@code type} and hands it to
     * {@code byType}; anything else is {@link Invalid} ({@code Invalid JSON},
     * {@code Message must be a JSON object}, {@code Missing message type}).
     */
    static <C extends SocketConnection> SocketCommand<C> typed(String text, BiFunction<String, JsonObject, SocketCommand<C>> byType) {
        JsonValue value;
        try {
            value = StrictJson.read(text);
        } catch (JsonException e) {
            return new Invalid<>("Invalid JSON");
        }
        if (!(value instanceof JsonObject message)) {
            return new Invalid<>("Message must be a JSON object");
        }
        if (!(message.get("type") instanceof JsonString type)) {
            return new Invalid<>("Missing message type");
        }
        return byType.apply(type.getString(), message);
    }

    /** The product's application-level ping. */
    record Ping<C extends SocketConnection>() implements SocketCommand<C> {
        @Override
        public String runOn(C connection) {
            return connection.pong();
        }
    }

    /** Anything the codec could not read as one of the product's messages; answered with its error. */
    record Invalid<C extends SocketConnection>(String message) implements SocketCommand<C> {
        @Override
        public String runOn(C connection) {
            return connection.error(message);
        }
    }
}
