package io.herald.inventory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.inventory.control.InventoryKeys;
import io.herald.inventory.control.NotificationView;
import io.herald.operations.control.ProductMeter;
import io.herald.socket.FakeSession;
import io.herald.socket.SendLimits;
import io.herald.socket.SocketSubscriber;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inbox a notification socket sends on connect, and the live notifications around it. */
class InboxConnectionTest {

    private static final String EPOCH = "3f9a0c1d7e42";
    private static final Instant AT = Instant.parse("2026-03-04T10:30:00Z");

    private final FakeSession client = new FakeSession("s1");
    private final SocketSubscriber subscriber = new SocketSubscriber(client.session(), new ProductMeter("inventory"), "inventory",
            InventoryCodec::notification, new SendLimits(10, 1 << 20, 1 << 20), Runnable::run);
    private final InboxConnection cut = new InboxConnection(subscriber,
            new VerifiedToken("alice", Set.of(), AT.plusSeconds(3600)), null);

    {
        client.completeAtOnce();
    }

    private static NotificationView unread(String id, long eventId) {
        return new NotificationView(id, "alice", "Product expires in 2 days", "warning", "Organic Milk", AT, false,
                eventId == 0 ? null : EPOCH + "." + eventId);
    }

    /** The notification:created event of that row, as the event log gave it out live. */
    private static EventEnvelope announced(NotificationView n, long eventId) {
        return new EventEnvelope(eventId, InventoryKeys.PRODUCT, InventoryKeys.NOTIFICATION_CREATED, Set.of(InventoryKeys.user("alice")),
                n.wire(), AT, EPOCH);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void anUnreadNotificationCarriesTheEventIdOfItsLiveNotification() {
        NotificationView n = unread("42", 1042);

        cut.openInbox(List.of(n));

        assertEquals(List.of(InventoryCodec.notification(announced(n, 1042))), client.sent);
        assertEquals(json("{\"id\":\"42\",\"message\":\"Product expires in 2 days\",\"type\":\"warning\",\"productName\":\"Organic Milk\","
                + "\"created_at\":\"2026-03-04T10:30:00.000Z\",\"event_id\":\"3f9a0c1d7e42.1042\"}"), json(client.sent.get(0)));
    }

    @Test
    void aNotificationStoredBeforeItsEventWasRecordedIsTheDocumentedObjectAlone() {
        cut.openInbox(List.of(unread("7", 0)));

        JsonObject sent = json(client.sent.get(0));
        assertFalse(sent.containsKey(InventoryCodec.EVENT_ID));
        assertEquals("7", sent.getString("id"));
    }

    @Test
    void aLiveNotificationThatArrivedDuringTheInboxIsNotSentTwice() {
        NotificationView inboxed = unread("42", 1042);
        NotificationView later = unread("43", 1043);
        cut.deliver(new Delivery(announced(inboxed, 1042)));
        cut.deliver(new Delivery(announced(later, 1043)));

        cut.openInbox(List.of(inboxed));

        assertEquals(2, client.sent.size());
        assertEquals("3f9a0c1d7e42.1042", json(client.sent.get(0)).getString("event_id"));
        assertEquals("3f9a0c1d7e42.1043", json(client.sent.get(1)).getString("event_id"));
    }
}
