package io.herald.common.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void exactlyOneValueWithSurroundingWhitespace() {
        assertEquals(Json.createObjectBuilder().add("a", 1).build(), StrictJson.read(" {\"a\":1}\n"));
        assertEquals(Json.createArrayBuilder().add(1).build(), StrictJson.read("[1]"));
        assertEquals(Json.createValue(5), StrictJson.read("5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\":1} {\"b\":2}", "{\"a\":1} x", "[1]]", "nope"})
    void anythingElseIsMalformed(String text) {
        assertThrows(JsonException.class, () -> StrictJson.read(text));
    }

    @Test
    void inputNestedDeeperThanTheParserAllowsIsMalformedJson() {
        String nested = "[".repeat(5000) + "]".repeat(5000);

        assertThrows(JsonException.class, () -> StrictJson.read(nested));
        assertThrows(JsonException.class, () -> StrictJson.read("{\"a\":" + nested + "}"));
    }
}
