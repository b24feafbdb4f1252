package io.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeraldEventTest {

    @Test
    void aDurableEventKeepsItsKeys() {
        HeraldEvent cut = HeraldEvent.of("commerce", "order:created", JsonValue.EMPTY_JSON_OBJECT, Set.of("commerce:order_changes"));
        assertEquals(Set.of("commerce:order_changes"), cut.routingKeys());
        assertEquals(true, cut.durable());
    }

    @Test
    void routingKeysMustBePresentAndFreeOfWhitespace() {
        assertEquals("an event needs at least one routing key", assertThrows(IllegalArgumentException.class,
                () -> HeraldEvent.of("p", "t", JsonValue.EMPTY_JSON_OBJECT, Set.of())).getMessage());
        assertEquals("a routing key must be non-empty and contain no whitespace: 'inventory:user:john doe'", assertThrows(IllegalArgumentException.class,
                () -> HeraldEvent.of("p", "t", JsonValue.EMPTY_JSON_OBJECT, Set.of("inventory:user:john doe"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeraldEvent.of("p", "t", JsonValue.EMPTY_JSON_OBJECT, Set.of("")));
        assertThrows(IllegalArgumentException.class, () -> HeraldEvent.of(" ", "t", JsonValue.EMPTY_JSON_OBJECT, Set.of("k")));
    }
}
