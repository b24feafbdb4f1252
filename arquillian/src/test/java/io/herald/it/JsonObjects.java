package io.herald.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** JSON text as an object, for comparisons. */
public final class JsonObjects {

    private JsonObjects() {
    }

    public static JsonObject of(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
