package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureWindowTest {

    static final long T = 1767225600L;

    @Test
    void theDefaultsAre60SecondsBackAnd5Ahead() {
        SignatureWindow cut = SignatureWindow.defaults();
        assertEquals(new SignatureWindow(60, 5), cut);
        assertTrue(cut.admits(T, Instant.ofEpochSecond(T)));
        assertTrue(cut.admits(T - 60, Instant.ofEpochSecond(T)));
        assertTrue(cut.admits(T - 60, Instant.ofEpochSecond(T).plusMillis(999)), "whole seconds of the server's clock");
        assertFalse(cut.admits(T - 61, Instant.ofEpochSecond(T)));
        assertTrue(cut.admits(T + 5, Instant.ofEpochSecond(T)));
        assertFalse(cut.admits(T + 6, Instant.ofEpochSecond(T)));
        assertFalse(cut.admits(T + 299, Instant.ofEpochSecond(T)), "the attack of issue 23");
        assertFalse(cut.admits(T - 300, Instant.ofEpochSecond(T)));
    }

    @Test
    void aSignatureIsRememberedPastTheEndOfItsWindowWithSlackForOtherNodesClocks() {
        SignatureWindow cut = new SignatureWindow(60, 5);
        Instant keep = cut.keepUntil(T);
        assertEquals(Instant.ofEpochSecond(T + 61 + SignatureWindow.NODE_CLOCK_SLACK_SECONDS), keep);
        // the last instant at which a node whose clock is the slack behind still accepts it
        assertTrue(cut.admits(T, Instant.ofEpochSecond(T + 60).plusMillis(999)));
        assertTrue(keep.isAfter(Instant.ofEpochSecond(T + 60 + SignatureWindow.NODE_CLOCK_SLACK_SECONDS).plusMillis(999)));
        // a timestamp in the future is remembered from its own time on
        assertEquals(cut.keepUntil(T).plusSeconds(5), cut.keepUntil(T + 5));
    }

    @Test
    void outOfRangeSettingsNameTheirKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SignatureWindow(0, 5)).getMessage()
                .startsWith("herald.orders.signature-window-seconds must be between 1 and 3600"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SignatureWindow(60, -1)).getMessage()
                .startsWith("herald.orders.signature-future-skew-seconds must be between 0 and 3600"));
        assertThrows(IllegalArgumentException.class, () -> new SignatureWindow(3601, 0));
        assertTrue(new SignatureWindow(300, 0).admits(T, Instant.ofEpochSecond(T + 300)));
        assertFalse(new SignatureWindow(300, 0).admits(T + 1, Instant.ofEpochSecond(T)));
    }
}
