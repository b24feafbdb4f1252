package io.herald.socket;

import io.herald.delivery.control.EventIds;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The optional resume parameter of a subscribe message (Herald's extension of every product's
 * subscribe): the last event id the client saw, a string of at most {@value EventIds#MAX_LENGTH}
 * characters. Absent or JSON {@code null} means "no resume".
 */
public final class ResumeField {

    private ResumeField() {
    }

    /**
     * @return the id, or {@code null} when absent
     * @throws IllegalArgumentException with the error text for the client when it is not a short string
     */
    public static String read(JsonObject message, String field) {
        JsonValue value = message.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString id) || id.getString().length() > EventIds.MAX_LENGTH) {
            throw new IllegalArgumentException(field + " must be a string of at most " + EventIds.MAX_LENGTH + " characters");
        }
        return id.getString();
    }
}
