package io.herald.publish.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IngestRejectionsTest {

    private final IngestRejections cut = new IngestRejections();

    @Test
    void nothingBeforeTheFirstRejection() {
        assertEquals(0, cut.count());
        assertEquals(List.of(), cut.latest());
    }

    @Test
    void keepsTheNewestFirstAndCountsAll() {
        for (int i = 1; i <= 25; i++) {
            cut.record("unknown product " + i, "{\"n\":" + i + "}", "ID:" + i, 1_000L + i);
        }
        assertEquals(25, cut.count());
        List<IngestRejections.Rejection> latest = cut.latest();
        assertEquals(IngestRejections.CAPACITY, latest.size());
        assertEquals(25, latest.get(0).seq());
        assertEquals("unknown product 25", latest.get(0).reason());
        assertEquals("{\"n\":25}", latest.get(0).body());
        assertEquals("ID:25", latest.get(0).messageId());
        assertEquals(1_025L, latest.get(0).at());
        assertEquals(6, latest.get(latest.size() - 1).seq());
    }

    @Test
    void aLongTextIsCutAndAMessageWithoutTextKeepsNone() {
        cut.record("not JSON", "x".repeat(IngestRejections.MAX_BODY + 5), null, 1);
        cut.record("not a text message", null, "ID:2", 2);
        IngestRejections.Rejection bytes = cut.latest().get(0);
        IngestRejections.Rejection cutShort = cut.latest().get(1);
        assertNull(bytes.body());
        assertFalse(bytes.truncated());
        assertEquals(IngestRejections.MAX_BODY, cutShort.body().length());
        assertTrue(cutShort.truncated());
        assertNull(cutShort.messageId());
    }
}
