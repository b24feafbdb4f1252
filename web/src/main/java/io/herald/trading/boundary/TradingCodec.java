package io.herald.trading.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import io.herald.delivery.control.EventEnvelope;
import io.herald.socket.ResumeField;
import io.herald.socket.SocketCommand;
import io.herald.trading.control.AdminNotices;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Document 004's wire format. */
public final class TradingCodec {

    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    public static final String AUTHENTICATION_REQUIRED = "AUTHENTICATION_REQUIRED";
    public static final String ALREADY_AUTHENTICATED = "ALREADY_AUTHENTICATED";
    public static final String CONNECTION_LIMIT = "CONNECTION_LIMIT";
    public static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";
    public static final String INVALID_ROOM = "INVALID_ROOM";
    public static final String INVALID_MESSAGE = "INVALID_MESSAGE";

    /** The channel each event type is sent on (the document's {@code channel} field). */
    static final Map<String, String> CHANNEL_OF = Map.ofEntries(
            Map.entry("market_data_update", "market_data"),
            Map.entry("historical_data_update", "historical_data"),
            Map.entry("price_alert", "alerts"),
            Map.entry("margin_guard_execution", "margin_guard"),
            Map.entry("auto_close_execution", "margin_guard"),
            Map.entry("position_status_update", "positions"),
            Map.entry("in_app_notification", "notifications"),
            Map.entry("notification_status_update", "notifications"),
            Map.entry("server_maintenance", "system"),
            Map.entry("service_status_update", "system"),
            Map.entry(AdminNotices.CONNECTION_LIMIT, AdminNotices.CHANNEL),
            Map.entry(AdminNotices.RATE_LIMIT, AdminNotices.CHANNEL));

    private TradingCodec() {
    }

    /** The event types this codec sends ({@link #CHANNEL_OF}'s keys). */
    public static java.util.Set<String> eventTypes() {
        return CHANNEL_OF.keySet();
    }

    /** Decodes one client frame; never throws. */
    public static SocketCommand<TradingConnection> decode(String text) {
        return SocketCommand.typed(text, (type, message) -> {
            String channel = message.get("channel") instanceof JsonString c ? c.getString() : null;
            return switch (type) {
                case "auth" -> new TradingCommand.Auth(message.get("token") instanceof JsonString t ? t.getString() : null);
                case "subscribe" -> subscribe(channel, message);
                case "unsubscribe" -> new TradingCommand.Unsubscribe(channel);
                case "list_rooms" -> new TradingCommand.ListRooms();
                case "ping" -> new SocketCommand.Ping<>();
                default -> new SocketCommand.Invalid<>("Unknown message type: " + type);
            };
        });
    }

    /** Herald's extension of subscribe: resume after this event id. */
    public static final String LAST_EVENT_ID = "lastEventId";

    private static SocketCommand<TradingConnection> subscribe(String channel, JsonObject message) {
        try {
            return new TradingCommand.Subscribe(channel, ResumeField.read(message, LAST_EVENT_ID));
        } catch (IllegalArgumentException e) {
            return new SocketCommand.Invalid<>(e.getMessage());
        }
    }

    /**
     * {@code {"type":"gap","channel":<room>,"data":{"lastEventId":…,"reason":…}}}: the room's events
     * since {@code lastEventId} cannot be replayed; re-read the state over REST.
     */
    public static String gap(String room, String lastEventId, String reason) {
        return JSON.createObjectBuilder().add("type", "gap").add("channel", room)
                .add("data", JSON.createObjectBuilder().add(LAST_EVENT_ID, lastEventId).add("reason", reason))
                .build().toString();
    }

    public static String error(String code, String message) {
        return JSON.createObjectBuilder().add("type", "error").add("code", code).add("message", message).build().toString();
    }

    public static String connected(String userId, String sessionId) {
        return JSON.createObjectBuilder()
                .add("type", "connection")
                .add("status", "connected")
                .add("userId", userId)
                .add("sessionId", sessionId)
                .add("serverTime", WireJson.timestamp(Instant.now()))
                .build().toString();
    }

    public static String roomSubscription(String channel, String status, Collection<String> rooms) {
        return JSON.createObjectBuilder()
                .add("type", "room_subscription")
                .add("channel", channel)
                .add("status", status)
                .add("subscribedRooms", array(rooms))
                .build().toString();
    }

    public static String roomList(Collection<String> rooms) {
        return JSON.createObjectBuilder().add("type", "room_list").add("subscribedRooms", array(rooms)).build().toString();
    }

    public static String pong() {
        return JSON.createObjectBuilder().add("type", "pong").add("serverTime", WireJson.timestamp(Instant.now())).build().toString();
    }

    /** Herald's extension field: the id of a durable event, as a client passes it back. */
    public static final String EVENT_ID = "eventId";

    /**
     * {@code {"type":<event>,"channel":<its channel>,"data":{…},"eventId":"…"}}, the same for every
     * connection ({@code eventId}: Herald's extension, on durable events).
     */
    public static String event(EventEnvelope event) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("type", event.type())
                .add("channel", CHANNEL_OF.getOrDefault(event.type(), "system"))
                .add("data", event.data());
        if (event.wireId() != null) {
            b.add(EVENT_ID, event.wireId());
        }
        return b.build().toString();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
