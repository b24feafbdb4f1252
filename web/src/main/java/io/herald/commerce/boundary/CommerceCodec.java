package io.herald.commerce.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import io.herald.delivery.control.EventEnvelope;
import io.herald.socket.SocketCommand;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Document 000's wire format. Client messages become {@link CommerceCommand}s (or the skeleton's ping and invalid); replies and
 * events become JSON text. Anything that is not a known message becomes an error reply.
 */
public final class CommerceCodec {

    private CommerceCodec() {
    }

    /** Decodes one client frame; never throws. */
    public static SocketCommand<CommerceConnection> decode(String text) {
        return SocketCommand.typed(text, (type, message) -> switch (type) {
            case "ping" -> new SocketCommand.Ping<>();
            case "subscribe" -> channel(message).<SocketCommand<CommerceConnection>>map(CommerceCommand.Subscribe::new)
                    .orElseGet(() -> new SocketCommand.Invalid<>("Missing channel"));
            case "unsubscribe" -> channel(message).<SocketCommand<CommerceConnection>>map(CommerceCommand.Unsubscribe::new)
                    .orElseGet(() -> new SocketCommand.Invalid<>("Missing channel"));
            default -> new SocketCommand.Invalid<>("Unknown message type: " + type);
        });
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

    /** {@code {"event":"order:created","data":{…},"timestamp":"…"}} */
    public static String event(EventEnvelope event) {
        return JSON.createObjectBuilder()
                .add("event", event.type())
                .add("data", event.data())
                .add("timestamp", WireJson.timestamp(event.timestamp()))
                .build().toString();
    }
}
