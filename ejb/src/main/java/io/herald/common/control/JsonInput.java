package io.herald.common.control;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A JSON object received from a client, read field by field with checks. Every failed check
 * throws {@link InvalidInputException} with a message that names the field.
 */
public final class JsonInput {

    private final JsonObject json;

    private JsonInput(JsonObject json) {
        this.json = json;
    }

    /** Parses text that must be one JSON object. */
    public static JsonInput parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("Request body must be a JSON object");
        }
        JsonValue value;
        try {
            value = StrictJson.read(text);
        } catch (JsonException e) {
            throw new InvalidInputException("Malformed JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("Request body must be a JSON object");
        }
        return new JsonInput(value.asJsonObject());
    }

    public static JsonInput of(JsonObject json) {
        return new JsonInput(json);
    }

    /** Rejects fields outside {@code allowed}, so that a misspelt field is not silently ignored. */
    public JsonInput onlyFields(Set<String> allowed) {
        for (String field : json.keySet()) {
            if (!allowed.contains(field)) {
                throw new InvalidInputException("Unknown field: " + field);
            }
        }
        return this;
    }

    public boolean has(String field) {
        return json.containsKey(field);
    }

    /** A string of at most {@code maxLength} characters, trimmed; {@code null} when absent or JSON null. */
    public String text(String field, int maxLength) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw new InvalidInputException(field + " must be a string");
        }
        String text = s.getString().trim();
        if (text.length() > maxLength) {
            throw new InvalidInputException(field + " must be at most " + maxLength + " characters");
        }
        return text;
    }

    /** A non-blank string. */
    public String requiredText(String field, int maxLength) {
        String text = text(field, maxLength);
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(field + " is required");
        }
        return text;
    }

    /** One of {@code allowed}. */
    public String choice(String field, Set<String> allowed) {
        String text = requiredText(field, 64);
        if (!allowed.contains(text)) {
            throw new InvalidInputException(field + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return text;
    }

    /** A non-negative amount with at most two decimals. */
    public BigDecimal amount(String field) {
        BigDecimal value = number(field).bigDecimalValue();
        if (value.signum() < 0) {
            throw new InvalidInputException(field + " must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field + " must have at most two decimals");
        }
        if (value.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw new InvalidInputException(field + " is too large");
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * A price-like number: at most 16 digits before and 8 after the point; positive when
     * {@code strictly}, else zero or more. Required.
     */
    public BigDecimal decimal(String field, boolean strictly) {
        BigDecimal value = number(field).bigDecimalValue();
        if (value.signum() < 0 || strictly && value.signum() == 0 || value.precision() - value.scale() > 16 || value.scale() > 8) {
            throw new InvalidInputException(field + " must be " + (strictly ? "positive" : "zero or more")
                    + ", with at most 16 digits before and 8 after the point");
        }
        return value;
    }

    /** A non-negative whole number that fits an int. */
    public int count(String field) {
        JsonNumber n = number(field);
        try {
            int value = n.bigDecimalValue().intValueExact();
            if (value < 0) {
                throw new InvalidInputException(field + " must not be negative");
            }
            return value;
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field + " must be a whole number");
        }
    }

    /** A JSON object; required. */
    public JsonObject object(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidInputException(field + " is required");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(field + " must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** A non-empty array of at most {@code maxItems} non-blank strings of at most {@code maxLength} characters each. */
    public java.util.List<String> texts(String field, int maxItems, int maxLength) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidInputException(field + " is required");
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
            throw new InvalidInputException(field + " must be a non-empty array of strings");
        }
        if (value.asJsonArray().size() > maxItems) {
            throw new InvalidInputException(field + " must have at most " + maxItems + " entries");
        }
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString s) || s.getString().isBlank()) {
                throw new InvalidInputException(field + " must be a non-empty array of strings");
            }
            if (s.getString().length() > maxLength) {
                throw new InvalidInputException(field + " entries must be at most " + maxLength + " characters");
            }
            texts.add(s.getString());
        }
        return texts;
    }

    /** A boolean; {@code fallback} when absent. */
    public boolean flag(String field, boolean fallback) {
        JsonValue value = json.get(field);
        if (value == null) {
            return fallback;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new InvalidInputException(field + " must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    /** A positive id. */
    public long id(String field) {
        JsonNumber n = number(field);
        try {
            long value = n.bigDecimalValue().longValueExact();
            if (value <= 0) {
                throw new InvalidInputException(field + " must be a positive id");
            }
            return value;
        } catch (ArithmeticException e) {
            throw new InvalidInputException(field + " must be a positive id");
        }
    }

    private JsonNumber number(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidInputException(field + " is required");
        }
        if (!(value instanceof JsonNumber n)) {
            throw new InvalidInputException(field + " must be a number");
        }
        return n;
    }
}
