package io.herald.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeCodecTest {

    private static final String ENCODED = "{\"v\":1,\"id\":42,\"product\":\"commerce\",\"type\":\"order:updated\","
            + "\"keys\":[\"commerce:a_changes\",\"commerce:order_changes\"],"
            + "\"data\":{\"id\":7,\"status\":\"paid\",\"total\":99.90},"
            + "\"timestamp\":\"2026-01-25T10:30:00.120Z\"}";

    private static EventEnvelope envelope() {
        return new EventEnvelope(42, "commerce", "order:updated",
                Set.of("commerce:order_changes", "commerce:a_changes"),
                Json.createObjectBuilder().add("id", 7).add("status", "paid").add("total", new BigDecimal("99.90")).build(),
                Instant.parse("2026-01-25T10:30:00.120Z"));
    }

    @Test
    void encodesTheVersionedShapeWithSortedKeys() {
        assertEquals(ENCODED, EnvelopeCodec.encode(envelope()));
    }

    @Test
    void routingKeysAreWrittenSortedWhateverTheSetOrder() {
        // a Set's iteration order varies between runs; with eight keys it is practically never sorted by chance
        EventEnvelope e = new EventEnvelope(1, "commerce", "order:updated",
                Set.of("commerce:transaction_changes", "inventory:stock_changes", "billing:invoice_changes",
                        "commerce:order_changes", "inventory:warehouse_changes", "commerce:customer_changes",
                        "commerce:shipment_changes", "commerce:product_changes"),
                Json.createObjectBuilder().build(), Instant.parse("2026-01-25T10:30:00Z"));

        String encoded = EnvelopeCodec.encode(e);

        assertTrue(encoded.contains(",\"keys\":[\"billing:invoice_changes\",\"commerce:customer_changes\",\"commerce:order_changes\","
                + "\"commerce:product_changes\",\"commerce:shipment_changes\",\"commerce:transaction_changes\","
                + "\"inventory:stock_changes\",\"inventory:warehouse_changes\"],"), encoded);
        assertEquals(e.routingKeys(), EnvelopeCodec.decode(encoded).routingKeys());
    }

    @Test
    void decodeReversesEncode() {
        EventEnvelope original = envelope();

        EventEnvelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(original));

        assertEquals(original, decoded);
        assertEquals(new BigDecimal("99.90"), decoded.data().getJsonNumber("total").bigDecimalValue());
    }

    @Test
    void ephemeralEventsKeepIdZero() {
        EventEnvelope ephemeral = new EventEnvelope(0, "commerce", "cursor:moved", Set.of("commerce:cursor"),
                Json.createObjectBuilder().build(), Instant.parse("2026-01-25T10:30:00Z"));

        EventEnvelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(ephemeral));

        assertEquals(0, decoded.id());
        assertEquals(false, decoded.durable());
        assertEquals(ephemeral, decoded);
    }

    @Test
    void timestampsTravelWithMillisecondPrecision() {
        EventEnvelope e = new EventEnvelope(1, "commerce", "order:created", Set.of("k"),
                Json.createObjectBuilder().build(), Instant.parse("2026-01-25T10:30:00.123456789Z"));

        assertEquals(Instant.parse("2026-01-25T10:30:00.123Z"), EnvelopeCodec.decode(EnvelopeCodec.encode(e)).timestamp());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "2", "\"1\"", "null"})
    void rejectsOtherVersions(String version) {
        String text = ENCODED.replace("\"v\":1,", "\"v\":" + version + ",");

        var e = assertThrows(IllegalArgumentException.class, () -> EnvelopeCodec.decode(text));
        assertEquals("unsupported envelope version: " + version, e.getMessage());
    }

    @Test
    void rejectsAnEnvelopeWithoutVersion() {
        var e = assertThrows(IllegalArgumentException.class, () -> EnvelopeCodec.decode(ENCODED.replace("\"v\":1,", "")));
        assertEquals("unsupported envelope version: null", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "{\"v\":1,",
        "[1,2]",
        // fields missing or of the wrong type
        "{\"v\":1}",
        "{\"v\":1,\"id\":1,\"product\":\"commerce\",\"type\":\"t\",\"data\":{},\"timestamp\":\"2026-01-25T10:30:00.000Z\"}",
        "{\"v\":1,\"id\":1.5,\"product\":\"commerce\",\"type\":\"t\",\"keys\":[],\"data\":{},\"timestamp\":\"2026-01-25T10:30:00.000Z\"}",
        "{\"v\":1,\"id\":1,\"product\":\"commerce\",\"type\":\"t\",\"keys\":[1],\"data\":{},\"timestamp\":\"2026-01-25T10:30:00.000Z\"}",
        "{\"v\":1,\"id\":1,\"product\":\"commerce\",\"type\":\"t\",\"keys\":[],\"data\":[],\"timestamp\":\"2026-01-25T10:30:00.000Z\"}",
        "{\"v\":1,\"id\":1,\"product\":\"commerce\",\"type\":\"t\",\"keys\":[],\"data\":{},\"timestamp\":\"yesterday\"}",
        "{\"v\":1,\"id\":1,\"product\":7,\"type\":\"t\",\"keys\":[],\"data\":{},\"timestamp\":\"2026-01-25T10:30:00.000Z\"}"
    })
    void rejectsMalformedText(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> EnvelopeCodec.decode(text));
        assertTrue(e.getMessage().startsWith("malformed event envelope: "), e.getMessage());
    }

    @Test
    void rejectsNull() {
        var e = assertThrows(IllegalArgumentException.class, () -> EnvelopeCodec.decode(null));
        assertTrue(e.getMessage().startsWith("malformed event envelope: "), e.getMessage());
    }

    @Test
    void theEventLogsEpochTravelsWithTheEvent() {
        EventEnvelope e = new EventEnvelope(42, "commerce", "order:updated", java.util.Set.of("commerce:order_changes"),
                jakarta.json.Json.createObjectBuilder().build(), java.time.Instant.parse("2026-01-25T10:30:00.120Z"), "3f9a0c1d7e42");

        EventEnvelope read = EnvelopeCodec.decode(EnvelopeCodec.encode(e));

        assertEquals(e, read);
        assertEquals("3f9a0c1d7e42.42", read.wireId());
    }
}
