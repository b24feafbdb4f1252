package io.herald.pos.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PresenceJoinsTest {

    private final PresenceJoins cut = new PresenceJoins(2);

    @Test
    void joinsBeyondTheLimitAreRefusedInTheDocumentsLimitShape() throws PosRefused {
        assertFalse(cut.any());
        cut.join(PosChannel.ORDERS, "loc-a");
        cut.join(PosChannel.ORDERS, "loc-a"); // an update, counted once
        cut.join(PosChannel.KDS, "loc-a");
        PosRefused refused = assertThrows(PosRefused.class, () -> cut.join(PosChannel.ORDERS, "loc-b"));
        assertEquals(PosError.PRESENCE_LIMIT, refused.error().code());
        assertEquals(2, refused.error().details().getInt("current"));
        assertEquals(2, refused.error().details().getInt("limit"));
        cut.join(PosChannel.KDS, "loc-a"); // joined already: still fine at the limit

        cut.left(PosChannel.KDS, "loc-a");
        cut.join(PosChannel.ORDERS, "loc-b");
        assertTrue(cut.any());
    }
}
