package io.herald.commerce.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import io.herald.delivery.control.EventEnvelope;
import io.herald.socket.ResumeField;
import io.herald.socket.SocketCommand;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Document 000's wire format. Client messages become {@link CommerceCommand}s (or the skeleton's ping and invalid); replies and
 * events become JSON text. Anything that is not a known message becomes an error reply.
 */
public final class CommerceCodec {

    /** Herald's extension field: the id of a durable event, as a client passes it back. */
    public static final String EVENT_ID = "event_id";
    /** Herald's extension of subscribe: resume after this event id. */
    public static final String LAST_EVENT_ID = "last_event_id";

    private CommerceCodec() {
    }

    /** Decodes one client frame; never throws. */
    public static SocketCommand<CommerceConnection> decode(String text) {
        return SocketCommand.typed(text, (type, message) -> switch (type) {
            case "ping" -> new SocketCommand.Ping<>();
            case "subscribe" -> channel(message).<SocketCommand<CommerceConnection>>map(channel -> subscribe(channel, message))
                    .orElseGet(() -> new SocketCommand.Invalid<>("Missing channel"));
            case "unsubscribe" -> channel(message).<SocketCommand<CommerceConnection>>map(CommerceCommand.Unsubscribe::new)
                    .orElseGet(() -> new SocketCommand.Invalid<>("Missing channel"));
            default -> new SocketCommand.Invalid<>("Unknown message type: " + type);
        });
    }

    private static SocketCommand<CommerceConnection> subscribe(String channel, JsonObject message) {
        try {
            return new CommerceCommand.Subscribe(channel, ResumeField.read(message, LAST_EVENT_ID));
        } catch (IllegalArgumentException e) {
            return new SocketCommand.Invalid<>(e.getMessage());
        }
    }

    private static java.util.Optional<String> channel(JsonObject message) {
        JsonValue channel = message.get("channel");
        return channel instanceof JsonString s && !s.getString().isBlank()
                ? java.util.Optional.of(s.getString()) : java.util.Optional.empty();
    }

    public static String connected(long userId) {
        return JSON.createObjectBuilder()
                .add("type", "connected")
                .add("message", "WebSocket connection established")
                .add("userId", userId)
                .build().toString();
    }

    public static String pong() {
        return JSON.createObjectBuilder().add("type", "pong").build().toString();
    }

    public static String error(String message) {
        return JSON.createObjectBuilder().add("type", "error").add("message", message).build().toString();
    }

    /** Confirms a subscribe ({@code subscribed}) or unsubscribe ({@code unsubscribed}). */
    public static String confirmation(String type, String channel) {
        return JSON.createObjectBuilder().add("type", type).add("channel", channel).build().toString();
    }

    /**
     * {@code {"event":"order:created","data":{…},"timestamp":"…","event_id":"…"}}; {@code event_id}
     * (Herald's extension, on durable events) is what a client passes back to resume.
     */
    public static String event(EventEnvelope event) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("event", event.type())
                .add("data", event.data())
                .add("timestamp", WireJson.timestamp(event.timestamp()));
        if (event.wireId() != null) {
            b.add(EVENT_ID, event.wireId());
        }
        return b.build().toString();
    }

    /**
     * {@code {"type":"gap","channel":…,"last_event_id":…,"reason":…}}: the events since
     * {@code last_event_id} cannot be replayed; re-read the state over REST.
     */
    public static String gap(String channel, String lastEventId, String reason) {
        return JSON.createObjectBuilder().add("type", "gap").add("channel", channel)
                .add(LAST_EVENT_ID, lastEventId).add("reason", reason).build().toString();
    }
}
