package io.herald.trading.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.StrictJson;
import io.herald.common.control.UnknownRecordException;
import io.herald.common.control.WireJson;
import io.herald.trading.entity.TradingNotification;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Persisted in-app notifications of trading users: {@code in_app_notification} when one is
 * created, {@code notification_status_update} when it is first handed to one of the user's
 * sockets ({@code delivered}, once in the cluster) and when the user reads it ({@code read}).
 * All go to the user's {@code notifications} channel on every node.
 */
@Stateless
public class TradingNotifications {

    public static final String CREATED = "in_app_notification";
    public static final String STATUS = "notification_status_update";
    public static final Set<String> TYPES = Set.of("info", "success", "warning", "error");

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    public JsonObject create(String userId, String title, String message, String type, String category, JsonObject data) {
        TradingNotification n = new TradingNotification(userId, title, message, type, category, data.toString(), Instant.now().toEpochMilli());
        em.persist(n);
        JsonObject view = wire(n);
        events.fire(HeraldEvent.of(TradingKeys.PRODUCT, CREATED, view, Set.of(TradingKeys.user(userId))));
        return view;
    }

    /** The user's notifications, newest first, at most {@code max}. */
    public List<JsonObject> list(String userId, int max) {
        return em.createNamedQuery("TradingNotification.ofUser", TradingNotification.class).setParameter("user", userId)
                .setMaxResults(max).getResultStream().map(TradingNotifications::wire).toList();
    }

    /** Marks one of the user's notifications read (another user's is "not found"); announces it the first time. */
    public JsonObject markRead(String userId, String id) {
        TradingNotification n = em.find(TradingNotification.class, id);
        if (n == null || !n.getUserId().equals(userId)) {
            throw new UnknownRecordException("Notification " + id + " not found");
        }
        long now = Instant.now().toEpochMilli();
        if (n.markRead(now)) {
            status(n.getUserId(), JSON.createObjectBuilder().add("id", id).add("status", "read")
                    .add("readAt", WireJson.timestamp(Instant.ofEpochMilli(now))));
        }
        return wire(n);
    }

    /** A socket of the user was handed the notification: announces {@code delivered} the first time in the cluster. */
    public boolean delivered(String userId, String id) {
        long now = Instant.now().toEpochMilli();
        if (em.createNamedQuery("TradingNotification.claimDelivered").setParameter("id", id).setParameter("at", now).executeUpdate() != 1) {
            return false;
        }
        status(userId, JSON.createObjectBuilder().add("id", id).add("status", "delivered")
                .add("deliveredAt", WireJson.timestamp(Instant.ofEpochMilli(now))).add("deliveryMethod", "websocket"));
        return true;
    }

    private void status(String userId, JsonObjectBuilder data) {
        events.fire(HeraldEvent.of(TradingKeys.PRODUCT, STATUS, data.build(), Set.of(TradingKeys.user(userId))));
    }

    static JsonObject wire(TradingNotification n) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", n.getId())
                .add("userId", n.getUserId())
                .add("title", n.getTitle())
                .add("message", n.getMessage())
                .add("type", n.getType())
                .add("category", n.getCategory())
                .add("data", StrictJson.read(n.getData()))
                .add("read", n.getReadAt() != null)
                .add("createdAt", WireJson.timestamp(Instant.ofEpochMilli(n.getCreatedAt())));
        return b.build();
    }
}
