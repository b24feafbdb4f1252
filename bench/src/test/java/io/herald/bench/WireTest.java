package io.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireTest {

    @Test
    void eventsAreRecognisedByTheirFirstField() {
        assertTrue(Wire.isEvent("{\"event\":\"order:updated\",\"data\":{},\"timestamp\":\"2026-01-25T10:30:00.000Z\"}"));
        assertFalse(Wire.isEvent("{\"type\":\"subscribed\",\"channel\":\"order_changes\"}"));
        assertFalse(Wire.isEvent("{}"));
    }

    @Test
    void theEnvelopeTimestampIsTheLastOne() {
        String frame = "{\"event\":\"x\",\"data\":{\"timestamp\":\"2020-01-01T00:00:00Z\"},\"timestamp\":\"2026-01-25T10:30:00.123Z\"}";

        assertEquals(Instant.parse("2026-01-25T10:30:00.123Z").toEpochMilli(), Wire.timestampMillis(frame));
    }

    @Test
    void orderLikeDataHasTheRequestedSizeAndIsJson() {
        String data = Wire.orderLike(7, 330);

        assertEquals(330, data.length(), 2);
        assertTrue(data.startsWith("{\"id\":7,") && data.endsWith("\"}"));
    }

    @Test
    void totalsDifferForEveryEventAndHaveTwoDecimals() {
        assertEquals("10.00", Wire.total(0));
        assertEquals("10.99", Wire.total(99));
        assertEquals("11.00", Wire.total(100));
        assertNotEquals(Wire.total(5), Wire.total(1005));
    }

    @Test
    void noEventSendsTheTotalAnOrderIsCreatedWith() {
        // a PATCH to the same total changes nothing and commits no event: that event would never arrive
        double created = Double.parseDouble(Target.HeraldCommerce.CREATED_TOTAL);
        for (int seq = 0; seq < 4 * 1000 + 1000; seq++) {
            assertTrue(Double.parseDouble(Wire.total(seq)) > created, Wire.total(seq));
        }
    }
}
