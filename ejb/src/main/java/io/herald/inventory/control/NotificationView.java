package io.herald.inventory.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import io.herald.delivery.control.EventIds;
import io.herald.inventory.entity.Notification;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * A notification as document 001 shows it: {@code id} (a string), {@code message}, {@code type}
 * ({@code info}, {@code warning} or {@code error}), {@code productName} and {@code created_at}.
 *
 * @param eventId the wire id ({@code <epoch>.<id>}, see {@link EventIds}) of the event that
 *        announced it, as its live notification carries it; {@code null} when unknown
 */
public record NotificationView(String id, String userId, String message, String type, String productName, Instant createdAt, boolean read,
        String eventId) {

    /** @param epoch the event log's epoch, {@code null} while the notification has no event yet */
    static NotificationView of(Notification n, String epoch) {
        String eventId = epoch == null || n.getEventId() == null ? null : EventIds.wire(epoch, n.getEventId());
        return new NotificationView(String.valueOf(n.getId()), n.getUserId(), n.getMessage(), n.getType(),
                n.getProductName(), n.getCreatedAt(), n.isRead(), eventId);
    }

    /** Exactly the documented fields, as pushed over the socket. */
    public JsonObject wire() {
        return documented().build();
    }

    /** The documented fields plus {@code user_id} and {@code read}, for the REST API. */
    public JsonObject withOwnerAndState() {
        return documented().add("user_id", userId).add("read", read).build();
    }

    private JsonObjectBuilder documented() {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", id)
                .add("message", message)
                .add("type", type);
        if (productName == null) {
            b.addNull("productName");
        } else {
            b.add("productName", productName);
        }
        return b.add("created_at", WireJson.timestamp(createdAt));
    }
}
