package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {

    @Test
    void writesNestedValuesWithEscapedStrings() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "a\"b\\c\nd\u0001");
        value.put("n", 42L);
        value.put("list", List.of("x", 1));
        value.put("none", null);
        value.put("yes", true);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"n\":42,\"list\":[\"x\",1],\"none\":null,\"yes\":true}", MiniJson.write(value));
        assertEquals("[]", MiniJson.write(List.of()));
    }

    @Test
    void readsWhatItWritesAndWhatServersSend() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "a\"b\\c\nd\u0001é");
        value.put("list", List.of("x", new BigDecimal("1.50"), true, false));
        value.put("none", null);
        value.put("nested", Map.of("k", List.of()));
        assertEquals(value, MiniJson.read(MiniJson.write(value)));

        Object frame = MiniJson.read(" {\"type\" : \"error\", \"data\":{\"message\":\"invalid api_key\"},\"n\":-1.5e3,\"u\":\"\\u00e9\\/\"} ");
        assertEquals("error", MiniJson.member(frame, "type"));
        assertEquals("invalid api_key", MiniJson.member(MiniJson.member(frame, "data"), "message"));
        assertEquals(new BigDecimal("-1.5e3"), MiniJson.member(frame, "n"));
        assertEquals("é/", MiniJson.member(frame, "u"));
        assertNull(MiniJson.member(List.of(), "type"), "only objects have members");
    }

    @Test
    void refusesWhatIsNotExactlyOneJsonValue() {
        for (String bad : List.of("", "PING", "{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "\"open", "{} {}", "tru", "\"\\x\"", "-", "\"a\nb\"")) {
            assertThrows(IllegalArgumentException.class, () -> MiniJson.read(bad), bad);
        }
        String deep = String.join("", Collections.nCopies(1000, "[")) + String.join("", Collections.nCopies(1000, "]"));
        var e = assertThrows(IllegalArgumentException.class, () -> MiniJson.read(deep));
        assertEquals("Invalid JSON at character 201: nested too deeply", e.getMessage());
        assertEquals(List.of(List.of()), MiniJson.read("[[]]"));
        assertEquals(Arrays.asList(null, "x"), MiniJson.read("[null,\"x\"]"));
    }
}
