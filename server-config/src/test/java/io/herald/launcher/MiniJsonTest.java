package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
