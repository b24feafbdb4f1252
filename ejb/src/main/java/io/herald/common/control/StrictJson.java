package io.herald.common.control;

import static io.herald.common.control.Jsons.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * Reads text that must be exactly one JSON value. A plain {@code JsonReader} stops after the
 * first value and ignores what follows, so {@code {"type":"ping"} {"type":"subscribe"}} would
 * pass as a ping; here trailing content is an error like any other malformed JSON.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** @throws JsonException when the text is not exactly one JSON value (whitespace around it is fine) */
    public static JsonValue read(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonException("no JSON value");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("text after the JSON value");
            }
            return value;
        } catch (java.util.NoSuchElementException e) {
            throw new JsonException("no JSON value", e);
        }
    }
}
