package io.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeraldWireTest {

    @Test
    void theMessageIsTheBodyOfPostApiEvents() {
        HeraldEvent event = new HeraldEvent("commerce", "order:created", Json.createObjectBuilder().add("id", 1).build(),
                Set.of("commerce:order_changes", "commerce:a"), false);
        assertEquals("{\"product\":\"commerce\",\"type\":\"order:created\",\"routing_keys\":[\"commerce:a\",\"commerce:order_changes\"],"
                + "\"data\":{\"id\":1},\"durable\":false}", HeraldWire.encode(event));
        assertEquals("commerce|commerce:a,commerce:order_changes", HeraldWire.group(event));
    }
}
