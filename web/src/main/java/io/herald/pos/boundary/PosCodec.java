package io.herald.pos.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.StrictJson;
import io.herald.common.control.WireJson;
import io.herald.delivery.control.EventEnvelope;
import io.herald.pos.control.PosError;
import io.herald.pos.control.Presence;
import io.herald.pos.control.PosSubscriptions;
import io.herald.socket.ResumeField;
import io.herald.socket.SocketCommand;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;

/**
 * Document 003's wire format. A request's {@code id} (a string or a number) is echoed in its
 * response and in its error.
 */
public final class PosCodec {

    private PosCodec() {
    }

    /** Decodes one client frame; never throws. */
    public static SocketCommand<PosConnection> decode(String text) {
        JsonValue value;
        try {
            value = StrictJson.read(text);
        } catch (JsonException e) {
            return new SocketCommand.Invalid<>("Invalid JSON");
        }
        if (!(value instanceof JsonObject message)) {
            return new SocketCommand.Invalid<>("Message must be a JSON object");
        }
        JsonValue given = message.get("id");
        JsonValue id = given instanceof JsonString || given instanceof JsonNumber ? given : null;
        if (!(message.get("type") instanceof JsonString type)) {
            return new PosCommand.Refuse(id, PosError.invalidMessage("Missing message type"));
        }
        return switch (type.getString()) {
            case "subscribe" -> channel(message, id, channel -> subscribe(id, channel, message));
            case "unsubscribe" -> message.get("subscription_id") instanceof JsonString sub
                    ? new PosCommand.Unsubscribe(id, sub.getString())
                    : new PosCommand.Refuse(id, PosError.invalidMessage("Missing subscription_id"));
            case "presence_join" -> channel(message, id, channel -> new PosCommand.PresenceJoin(id, channel, message.get("params"), message.get("user_info")));
            case "presence_leave" -> channel(message, id, channel -> new PosCommand.PresenceLeave(id, channel, message.get("params")));
            case "presence_list" -> channel(message, id, channel -> new PosCommand.PresenceList(id, channel, message.get("params")));
            case "list_subscriptions" -> new PosCommand.ListSubscriptions(id);
            case "unsubscribe_all" -> new PosCommand.UnsubscribeAll(id);
            case "ping" -> new SocketCommand.Ping<>();
            default -> new PosCommand.Refuse(id, PosError.invalidMessage("Unknown message type: " + type.getString()));
        };
    }

    private static SocketCommand<PosConnection> channel(JsonObject message, JsonValue id, java.util.function.Function<String, SocketCommand<PosConnection>> command) {
        return message.get("channel") instanceof JsonString channel && !channel.getString().isBlank()
                ? command.apply(channel.getString())
                : new PosCommand.Refuse(id, PosError.invalidMessage("Missing channel"));
    }

    private static JsonObjectBuilder withId(JsonObjectBuilder b, JsonValue id) {
        return id == null ? b : b.add("id", id);
    }

    /** Herald's extension of subscribe: resume after this event id. */
    public static final String LAST_EVENT_ID = "last_event_id";

    private static PosCommand subscribe(JsonValue id, String channel, JsonObject message) {
        try {
            return new PosCommand.Subscribe(id, channel, message.get("params"), ResumeField.read(message, LAST_EVENT_ID));
        } catch (IllegalArgumentException e) {
            return new PosCommand.Refuse(id, PosError.invalidMessage(e.getMessage()));
        }
    }

    /**
     * {@code {"type":"gap","id":…,"subscription_id":…,"channel":…,"last_event_id":…,"reason":…}}: the
     * subscription's events since {@code last_event_id} cannot be replayed; re-read the state over REST.
     */
    public static String gap(JsonValue id, PosSubscriptions.Subscription s, String lastEventId, String reason) {
        return withId(JSON.createObjectBuilder().add("type", "gap"), id)
                .add("subscription_id", s.id())
                .add("channel", s.filter().channel().wireName())
                .add(LAST_EVENT_ID, lastEventId)
                .add("reason", reason)
                .build().toString();
    }

    public static String subscribed(JsonValue id, PosSubscriptions.Subscription s) {
        return withId(JSON.createObjectBuilder().add("type", "response"), id)
                .add("success", true)
                .add("subscription_id", s.id())
                .add("channel", s.filter().channel().wireName())
                .add("params", s.params())
                .build().toString();
    }

    public static String unsubscribed(JsonValue id, String subscriptionId) {
        return withId(JSON.createObjectBuilder().add("type", "response"), id)
                .add("success", true)
                .add("subscription_id", subscriptionId)
                .add("message", "Unsubscribed successfully")
                .build().toString();
    }

    public static String unsubscribedAll(JsonValue id, Collection<PosSubscriptions.Subscription> removed) {
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        removed.forEach(s -> ids.add(s.id()));
        return withId(JSON.createObjectBuilder().add("type", "response"), id)
                .add("success", true)
                .add("subscription_ids", ids)
                .add("message", "Unsubscribed from " + removed.size() + (removed.size() == 1 ? " subscription" : " subscriptions"))
                .build().toString();
    }

    /** {@code {"type":"subscriptions_list","id":…,"subscriptions":[{"id","channel","params","created_at"}]}} */
    public static String subscriptions(JsonValue id, Collection<PosSubscriptions.Subscription> all) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (PosSubscriptions.Subscription s : all) {
            list.add(JSON.createObjectBuilder()
                    .add("id", s.id())
                    .add("channel", s.filter().channel().wireName())
                    .add("params", s.params())
                    .add("created_at", WireJson.timestamp(s.createdAt())));
        }
        return withId(JSON.createObjectBuilder().add("type", "subscriptions_list"), id).add("subscriptions", list).build().toString();
    }

    public static String error(JsonValue id, PosError error) {
        JsonObjectBuilder b = withId(JSON.createObjectBuilder().add("type", "error"), id)
                .add("code", error.code())
                .add("message", error.message());
        error.details().forEach(b::add);
        return b.build().toString();
    }

    public static String presenceJoined(JsonValue id, String channel, JsonObject params, Presence.Present who) {
        return withId(JSON.createObjectBuilder().add("type", "response"), id)
                .add("success", true)
                .add("channel", channel)
                .add("params", params)
                .add("message", "Joined presence")
                .add("data", who.wire())
                .build().toString();
    }

    public static String presenceLeft(JsonValue id, String channel, JsonObject params) {
        return withId(JSON.createObjectBuilder().add("type", "response"), id)
                .add("success", true)
                .add("channel", channel)
                .add("params", params)
                .add("message", "Left presence")
                .build().toString();
    }

    public static String presenceList(JsonValue id, String channel, List<Presence.Present> users) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        users.forEach(u -> list.add(u.wire()));
        return withId(JSON.createObjectBuilder().add("type", "presence_list_response"), id)
                .add("channel", channel)
                .add("users", list)
                .build().toString();
    }

    /** {@code {"type":"presence","event":"user_joined","channel":…,"data":{"user_id","user_info","joined_at"}}} */
    public static String presence(EventEnvelope event) {
        JsonObject data = event.data();
        return JSON.createObjectBuilder()
                .add("type", "presence")
                .add("event", event.type().substring("presence.".length()))
                .add("channel", data.getString("channel", ""))
                .add("data", JSON.createObjectBuilder()
                        .add("user_id", data.get("user_id"))
                        .add("user_info", data.get("user_info"))
                        .add("joined_at", data.get("joined_at")))
                .build().toString();
    }

    public static String pong() {
        return JSON.createObjectBuilder().add("type", "pong").build().toString();
    }

    /**
     * {@code {"type":"event","channel":…,"event":…,"subscription_ids":[…],"data":{…},"timestamp":…}}:
     * the part after the subscription ids ({@link #eventTail}) is the same for every connection and
     * is encoded once per event; each connection adds its head.
     */
    public static String event(String channel, List<String> subscriptionIds, EventEnvelope event, String tail) {
        StringBuilder b = new StringBuilder(tail.length() + 96)
                .append("{\"type\":\"event\",\"channel\":").append(JSON.createValue(channel))
                .append(",\"event\":").append(JSON.createValue(event.type()))
                .append(",\"subscription_ids\":[");
        for (int i = 0; i < subscriptionIds.size(); i++) {
            b.append(i == 0 ? "" : ",").append(JSON.createValue(subscriptionIds.get(i)));
        }
        return b.append(']').append(tail).toString();
    }

    /** Herald's extension field: the id of a durable event, as a client passes it back. */
    public static final String EVENT_ID = "event_id";

    /** {@code ,"data":{…},"timestamp":"…","event_id":"…"}} ({@code event_id}: Herald's extension, on durable events) */
    public static String eventTail(EventEnvelope event) {
        String id = event.wireId() != null ? ",\"" + EVENT_ID + "\":" + JSON.createValue(event.wireId()) : "";
        return ",\"data\":" + event.data() + ",\"timestamp\":" + JSON.createValue(WireJson.timestamp(event.timestamp())) + id + "}";
    }
}
