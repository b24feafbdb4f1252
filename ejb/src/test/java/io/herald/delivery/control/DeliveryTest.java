package io.herald.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private final EventEnvelope event = new EventEnvelope(12, "commerce", "order:created", Set.of("commerce:order_changes"),
            Json.createObjectBuilder().add("id", 12).build(), Instant.parse("2026-01-25T10:30:00Z"));
    private final Delivery cut = new Delivery(event);
    private final List<String> encoderCalls = new ArrayList<>();

    private String commerce(EventEnvelope e) {
        encoderCalls.add("commerce");
        return "commerce:" + e.type();
    }

    private String other(EventEnvelope e) {
        encoderCalls.add("other");
        return "other:" + e.id();
    }

    @Test
    void carriesItsEvent() {
        assertSame(event, cut.event());
    }

    @Test
    void encodesOncePerFormat() {
        String first = cut.encoded("commerce", this::commerce);
        String second = cut.encoded("commerce", this::commerce);

        assertEquals("commerce:order:created", first);
        assertSame(first, second);
        assertEquals(List.of("commerce"), encoderCalls);
    }

    @Test
    void eachFormatHasItsOwnEncoding() {
        assertEquals("commerce:order:created", cut.encoded("commerce", this::commerce));
        assertEquals("other:12", cut.encoded("other", this::other));
        assertEquals("commerce:order:created", cut.encoded("commerce", this::other));
        assertEquals("other:12", cut.encoded("other", this::commerce));

        assertEquals(List.of("commerce", "other"), encoderCalls);
    }
}
