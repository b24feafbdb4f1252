package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ReadReceiptsTest {

    private final ReadReceipts cut = new ReadReceipts(100, 3);

    @Test
    void pingsAfterEveryHundredBytesWritten() {
        assertTrue(cut.written(60).isEmpty());
        ByteBuffer ping = cut.written(60).orElseThrow();

        assertEquals(ReadReceipts.PAYLOAD, ping.remaining());
        assertEquals(120, ping.getLong(8));
        assertTrue(cut.written(99).isEmpty());
        assertTrue(cut.written(1).isPresent());
    }

    @Test
    void tokensAreNotRepeated() {
        long first = cut.written(100).orElseThrow().getLong(0);
        long second = cut.written(100).orElseThrow().getLong(0);

        assertNotEquals(first, second);
    }

    @Test
    void theAnswerToAPingAcknowledgesEverythingBeforeIt() {
        ByteBuffer ping = cut.written(150).orElseThrow();
        cut.written(30);

        assertTrue(cut.pong(ping));

        assertEquals(30, cut.unacknowledged());
    }

    @Test
    void aLatePongForAnOlderPingDoesNotMoveTheMarkBack() {
        ByteBuffer first = cut.written(100).orElseThrow();
        ByteBuffer second = cut.written(100).orElseThrow();

        assertTrue(cut.pong(second));
        assertFalse(cut.pong(first)); // answered implicitly by the later pong

        assertEquals(0, cut.unacknowledged());
    }

    @Test
    void unsolicitedOrMalformedPongsCountForNothing() {
        cut.written(100);

        assertFalse(cut.pong(ByteBuffer.allocate(16).putLong(7).putLong(100).flip()));
        assertFalse(cut.pong(ByteBuffer.allocate(3)));
        assertFalse(cut.pong(null));

        assertEquals(100, cut.unacknowledged());
    }

    @Test
    void onlyTheNewestPingsAreRemembered() {
        ByteBuffer oldest = cut.written(100).orElseThrow();
        cut.written(100);
        cut.written(100);
        cut.written(100);

        assertFalse(cut.pong(oldest));
        assertEquals(400, cut.unacknowledged());
    }
}
