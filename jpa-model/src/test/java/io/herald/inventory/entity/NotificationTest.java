package io.herald.inventory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private final Notification cut = new Notification("alice", "Product expires in 2 days", Notification.Type.WARNING, "Organic Milk",
            Instant.parse("2026-03-04T10:30:00Z"), null);

    @Test
    void remembersTheEventThatAnnouncedIt() {
        assertNull(cut.getEventId(), "none before it is announced");
        cut.announcedAs(1042);
        assertEquals(1042L, cut.getEventId());
    }

    @Test
    void anEphemeralEventCannotAnnounceIt() {
        assertThrows(IllegalArgumentException.class, () -> cut.announcedAs(0));
        assertNull(cut.getEventId());
    }
}
