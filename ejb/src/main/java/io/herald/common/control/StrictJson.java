package io.herald.common.control;

import static io.herald.common.control.Jsons.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * Reads text that must be exactly one JSON value. A plain {@code JsonReader} stops after the
 * first value and ignores what follows, so {@code {"type":"ping"} {"type":"subscribe"}} would
 * pass as a ping; here trailing content is an error like any other malformed JSON. So is input
 * nested deeper than the parser allows (1,000 levels), which Parsson reports with a plain
 * {@code RuntimeException}: every caller sees a {@link JsonException} and answers its own error.
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
        } catch (JsonException e) {
            throw e;
        } catch (java.util.NoSuchElementException e) {
            throw new JsonException("no JSON value", e);
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than its limit with a plain RuntimeException
            throw new JsonException("unreadable JSON: " + e.getMessage());
        }
    }
}
