package io.herald.inventory.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.StrictJson;
import io.herald.delivery.control.EventEnvelope;
import io.herald.inventory.control.NotificationView;
import io.herald.socket.SocketCommand;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Document 001's wire format. Client frames are the text {@code PING} or JSON objects with an
 * {@code action}; server frames are the connection confirmation, notifications exactly as
 * documented, {@code {"type":"pong"}} and {@code {"type":"error","message":…}}. Errors carry no
 * {@code id}, so clients that acknowledge every message with an {@code id} never acknowledge them.
 */
public final class InventoryCodec {

    private InventoryCodec() {
    }

    /** Decodes one client frame; never throws. */
    public static SocketCommand<InboxConnection> decode(String text) {
        if ("PING".equalsIgnoreCase(text.strip())) {
            return new SocketCommand.Ping<>();
        }
        JsonValue value;
        try {
            value = StrictJson.read(text);
        } catch (JsonException e) {
            return new SocketCommand.Invalid<>("Invalid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return new SocketCommand.Invalid<>("Message must be a JSON object");
        }
        JsonObject message = value.asJsonObject();
        if (!(message.get("action") instanceof JsonString action)) {
            return new SocketCommand.Invalid<>("Missing action");
        }
        return switch (action.getString()) {
            case "mark_read" -> markRead(message.get("id"));
            case "ping" -> new SocketCommand.Ping<>();
            default -> new SocketCommand.Invalid<>("Unknown action: " + action.getString());
        };
    }

    private static SocketCommand<InboxConnection> markRead(JsonValue id) {
        if (id instanceof JsonString s && !s.getString().isBlank()) {
            return new InventoryCommand.MarkRead(s.getString());
        }
        if (id instanceof JsonNumber n) {
            return new InventoryCommand.MarkRead(n.toString());
        }
        return new SocketCommand.Invalid<>("Missing notification id");
    }

    public static String connected(String userId) {
        return JSON.createObjectBuilder()
                .add("type", "CONNECTION_ESTABLISHED")
                .add("message", "Notification WebSocket connected")
                .add("userId", userId)
                .build().toString();
    }

    public static String pong() {
        return JSON.createObjectBuilder().add("type", "pong").build().toString();
    }

    public static String error(String message) {
        return JSON.createObjectBuilder().add("type", "error").add("message", message).build().toString();
    }

    /**
     * A notification event's payload is the documented notification object itself, with Herald's
     * extension {@code event_id} (the event's id in the event log).
     */
    public static String notification(EventEnvelope event) {
        if (event.wireId() == null) {
            return event.data().toString();
        }
        return JSON.createObjectBuilder(event.data()).add(EVENT_ID, event.wireId()).build().toString();
    }

    /**
     * An unread notification sent from the inbox on connect: the documented object with the
     * {@code event_id} of the event that announced it, the same as its live notification carries
     * (none for notifications stored before Herald recorded it).
     */
    public static String notification(NotificationView unread) {
        if (unread.eventId() == null) {
            return unread.wire().toString();
        }
        return JSON.createObjectBuilder(unread.wire()).add(EVENT_ID, unread.eventId()).build().toString();
    }

    /** Herald's extension field: the id of a durable event. */
    public static final String EVENT_ID = "event_id";
}
