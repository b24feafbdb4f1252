package io.herald.orders.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.StrictJson;
import io.herald.delivery.control.EventEnvelope;
import io.herald.socket.ResumeField;
import io.herald.socket.SocketCommand;
import io.herald.orders.control.ConnectRequest;
import io.herald.orders.control.SubscriptionRequest;
import io.herald.orders.control.SubscriptionRules;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Document 002's wire format. Every frame is {@code {"type":…,"data":{…}}}. Client frames become
 * {@link OrdersCommand}s; replies and events become JSON text. Anything that is not a known
 * message becomes an error reply {@code {"type":"error","data":{"message":…}}}.
 */
public final class OrdersCodec {

    public static final String INVALID_JSON = "invalid JSON";
    public static final String NOT_AN_OBJECT = "invalid message: must be a JSON object";
    public static final String MISSING_TYPE = "missing type";
    public static final String UNKNOWN_TYPE = "unknown type: ";
    public static final String INVALID_DATA = "invalid data: must be an object";
    public static final String INVALID_ORDER_ID = "invalid order_id: must be a string or a number";

    private OrdersCodec() {
    }

    /** Decodes one client frame; never throws. */
    public static SocketCommand<OrderConnection> decode(String text) {
        JsonValue value;
        try {
            value = StrictJson.read(text);
        } catch (JsonException e) {
            return new SocketCommand.Invalid<>(INVALID_JSON);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return new SocketCommand.Invalid<>(NOT_AN_OBJECT);
        }
        JsonObject message = value.asJsonObject();
        if (!(message.get("type") instanceof JsonString type) || type.getString().isEmpty()) {
            return new SocketCommand.Invalid<>(MISSING_TYPE);
        }
        JsonValue data = message.get("data");
        return switch (type.getString()) {
            case "connect" -> new OrdersCommand.Connect(connectRequest(data));
            case "subscribe" -> subscribe(data);
            case "unsubscribe" -> new OrdersCommand.Unsubscribe(subscriptionRequest(data));
            case "ping" -> new SocketCommand.Ping<>();
            default -> new SocketCommand.Invalid<>(UNKNOWN_TYPE + type.getString());
        };
    }

    /** Herald's extension of subscribe ({@code data.last_event_id}): resume after this event id. */
    public static final String LAST_EVENT_ID = "last_event_id";

    private static SocketCommand<OrderConnection> subscribe(JsonValue data) {
        try {
            String last = data instanceof JsonObject fields ? ResumeField.read(fields, LAST_EVENT_ID) : null;
            return new OrdersCommand.Subscribe(subscriptionRequest(data), last);
        } catch (IllegalArgumentException e) {
            return new SocketCommand.Invalid<>(e.getMessage());
        }
    }

    /**
     * {@code {"type":"gap","data":{"order_id":…,"scope":…,"last_event_id":…,"reason":…}}}: the
     * scope's events since {@code last_event_id} cannot be replayed; re-read the orders over REST.
     */
    public static String gap(SubscriptionRules.Granted granted, String lastEventId, String reason) {
        JsonObjectBuilder data = JSON.createObjectBuilder();
        if (granted.orderId() != null) {
            data.add("order_id", granted.orderId());
        }
        data.add("scope", granted.scope().wireName()).add(LAST_EVENT_ID, lastEventId).add("reason", reason);
        return frame("gap", data);
    }

    /** {@code api_key} must be a non-blank string; {@code authorization_signature} is optional. */
    static ConnectRequest connectRequest(JsonValue data) {
        if (!(data instanceof JsonObject fields)) {
            return new ConnectRequest(null, null);
        }
        String apiKey = fields.get("api_key") instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
        JsonValue signature = fields.get("authorization_signature");
        String signatureText;
        if (signature == null || signature == JsonValue.NULL) {
            signatureText = null;
        } else if (signature instanceof JsonString s) {
            signatureText = s.getString().isBlank() ? null : s.getString();
        } else {
            // not a string: its JSON text, which the signature check refuses as malformed
            signatureText = signature.toString();
        }
        return new ConnectRequest(apiKey, signatureText);
    }

    /** {@code {"order_id":…}} (a string or a number) for one order; {@code {}} or an empty order_id for the organization. */
    static SubscriptionRequest subscriptionRequest(JsonValue data) {
        if (!(data instanceof JsonObject fields)) {
            return new SubscriptionRequest.Malformed(INVALID_DATA);
        }
        JsonValue orderId = fields.get("order_id");
        if (orderId == null || orderId == JsonValue.NULL) {
            return new SubscriptionRequest.ForOrganization();
        }
        if (orderId instanceof JsonString s) {
            return s.getString().isBlank() ? new SubscriptionRequest.ForOrganization() : new SubscriptionRequest.ForOrder(s.getString());
        }
        if (orderId instanceof JsonNumber n) {
            return new SubscriptionRequest.ForOrder(n.toString());
        }
        return new SubscriptionRequest.Malformed(INVALID_ORDER_ID);
    }

    /** {@code {"type":"connected","data":{"status":"authenticated"}}} */
    public static String connected() {
        return frame("connected", JSON.createObjectBuilder().add("status", "authenticated"));
    }

    /**
     * {@code {"type":"subscription","data":{"order_id":…,"scope":"order","status":…}}}, or without
     * {@code order_id} for the organization scope; status {@code subscribed} or {@code unsubscribed}.
     */
    public static String subscription(SubscriptionRules.Granted granted, boolean subscribed) {
        JsonObjectBuilder data = JSON.createObjectBuilder();
        if (granted.orderId() != null) {
            data.add("order_id", granted.orderId());
        }
        data.add("scope", granted.scope().wireName()).add("status", subscribed ? "subscribed" : "unsubscribed");
        return frame("subscription", data);
    }

    /** {@code {"type":"error","data":{"message":…}}} */
    public static String error(String message) {
        return frame("error", JSON.createObjectBuilder().add("message", message));
    }

    /** {@code {"type":"pong","data":{}}} */
    public static String pong() {
        return frame("pong", JSON.createObjectBuilder());
    }

    /** Herald's extension field: the id of a durable event, as a client passes it back. */
    public static final String EVENT_ID = "event_id";

    /** {@code {"type":"event","data":{…order event…},"event_id":"…"}} ({@code event_id}: Herald's extension) */
    public static String event(EventEnvelope event) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "event").add("data", event.data());
        if (event.wireId() != null) {
            b.add(EVENT_ID, event.wireId());
        }
        return b.build().toString();
    }

    private static String frame(String type, JsonObjectBuilder data) {
        return JSON.createObjectBuilder().add("type", type).add("data", data).build().toString();
    }
}
