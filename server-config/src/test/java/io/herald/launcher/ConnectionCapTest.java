package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionCapTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ConnectionCap cut = new ConnectionCap(2, now::get);

    @Test
    void admitsUpToTheCapAndAgainAfterAClose() {
        Object a = new Object();
        Object b = new Object();
        Object c = new Object();
        assertTrue(cut.admit(a));
        assertTrue(cut.admit(b));
        assertFalse(cut.admit(c));
        assertEquals(2, cut.open());

        cut.closed(a);
        assertTrue(cut.admit(c));
        cut.closed(new Object());
        assertEquals(2, cut.open(), "closing a connection that was never admitted changes nothing");
    }

    @Test
    void refusalsAreReportedAtMostOnceAMinute() {
        cut.admit(new Object());
        cut.admit(new Object());
        assertEquals(0, cut.refusedToReport(), "nothing refused yet");
        cut.admit(new Object());
        cut.admit(new Object());
        assertEquals(2, cut.refusedToReport());
        cut.admit(new Object());
        now.addAndGet(59_000);
        assertEquals(0, cut.refusedToReport());
        now.addAndGet(1_000);
        assertEquals(1, cut.refusedToReport());
    }

    @Test
    void theDefaultLeavesARestOfTheFileDescriptors() {
        assertEquals(15_000, ConnectionCap.defaultLimit(20_000));
        assertEquals(768, ConnectionCap.defaultLimit(1024));
        assertEquals(256, ConnectionCap.defaultLimit(100));
        assertEquals(10_000, ConnectionCap.defaultLimit(-1));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionCap(0, now::get));
    }
}
