package io.herald.common.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireJsonTest {

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void timestampsAreUtcWithMilliseconds() {
        assertEquals("2026-01-25T10:30:00.000Z", WireJson.timestamp(Instant.parse("2026-01-25T10:30:00Z")));
        assertEquals("2026-01-25T10:30:00.120Z", WireJson.timestamp(Instant.parse("2026-01-25T10:30:00.12Z")));
        assertEquals("1970-01-01T00:00:00.000Z", WireJson.timestamp(Instant.EPOCH));
    }

    @Test
    void timestampsDropDigitsBeyondMilliseconds() {
        assertEquals("2026-01-25T10:30:00.999Z", WireJson.timestamp(Instant.parse("2026-01-25T10:30:00.999999999Z")));
    }

    @Test
    void timestampsOfOtherZonesAreWrittenInUtc() {
        Instant halfPastNoonInBerlin = OffsetDateTime.of(2026, 1, 25, 12, 30, 0, 5_000_000, ZoneOffset.ofHours(2)).toInstant();
        assertEquals("2026-01-25T10:30:00.005Z", WireJson.timestamp(halfPastNoonInBerlin));

        Instant beforeMidnightInNewYork = OffsetDateTime.of(2025, 12, 31, 22, 0, 0, 0, ZoneOffset.ofHours(-5)).toInstant();
        assertEquals("2026-01-01T03:00:00.000Z", WireJson.timestamp(beforeMidnightInNewYork));
    }

    @Test
    void objectKeepsTheMapOrderAndTypes() {
        var state = map(
                "id", 45L,
                "order_number", "ORD-1",
                "total", new BigDecimal("99.90"),
                "stock", 120,
                "active", true,
                "customer_id", null);

        assertEquals("{\"id\":45,\"order_number\":\"ORD-1\",\"total\":99.90,\"stock\":120,\"active\":true,\"customer_id\":null}",
                WireJson.object(state).toString());
    }

    @Test
    void nullBecomesJsonNull() {
        var json = WireJson.object(map("carrier", null));

        assertEquals(true, json.isNull("carrier"));
        assertEquals("{\"carrier\":null}", json.toString());
    }

    @Test
    void nestedMapsBecomeNestedObjects() {
        var state = map("status", "shipped", "changed_fields", map("status", "shipped", "carrier", null));

        assertEquals("{\"status\":\"shipped\",\"changed_fields\":{\"status\":\"shipped\",\"carrier\":null}}",
                WireJson.object(state).toString());
    }

    @Test
    void instantsBecomeTimestampsAndJsonValuesPassThrough() {
        var state = map(
                "at", Instant.parse("2026-01-25T10:30:00Z"),
                "tags", Json.createArrayBuilder().add("a").add(1).build(),
                "ok", Boolean.FALSE);

        assertEquals("{\"at\":\"2026-01-25T10:30:00.000Z\",\"tags\":[\"a\",1],\"ok\":false}", WireJson.object(state).toString());
    }

    @Test
    void otherValuesAreWrittenAsText() {
        assertEquals("{\"day\":\"MONDAY\",\"ratio\":\"0.5\"}",
                WireJson.object(map("day", java.time.DayOfWeek.MONDAY, "ratio", 0.5d)).toString());
    }

    @Test
    void quotesAndControlCharactersAreEscaped() {
        assertEquals("{\"name\":\"say \\\"hi\\\"\\n\"}", WireJson.object(map("name", "say \"hi\"\n")).toString());
    }

    @Test
    void builderCanBeExtended() {
        var b = WireJson.builder(map("id", 1L));
        WireJson.add(b, "price", new BigDecimal("2.49"));

        assertEquals("{\"id\":1,\"price\":2.49}", b.build().toString());
    }

    @Test
    void anEmptyMapIsAnEmptyObject() {
        assertEquals("{}", WireJson.object(Map.of()).toString());
    }
}
