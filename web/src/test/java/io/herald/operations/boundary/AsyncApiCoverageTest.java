package io.herald.operations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.commerce.boundary.CommerceCodec;
import io.herald.commerce.boundary.CommerceCommand;
import io.herald.commerce.control.CommerceChannels;
import io.herald.delivery.control.EventEnvelope;
import io.herald.inventory.boundary.InventoryCodec;
import io.herald.inventory.boundary.InventoryCommand;
import io.herald.orders.boundary.OrdersCodec;
import io.herald.orders.boundary.OrdersCommand;
import io.herald.orders.control.OrdersKeys;
import io.herald.orders.control.SubscriptionRules;
import io.herald.pos.boundary.PosCodec;
import io.herald.pos.boundary.PosCommand;
import io.herald.pos.control.PosChannel;
import io.herald.pos.control.PosError;
import io.herald.pos.control.PosFilter;
import io.herald.pos.control.PosSubscriptions;
import io.herald.pos.control.Presence;
import io.herald.publish.control.EventIntake;
import io.herald.socket.SocketClose;
import io.herald.socket.SocketCommand;
import io.herald.socket.SocketSubscriber;
import io.herald.trading.boundary.TradingCodec;
import io.herald.trading.boundary.TradingCommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI documents cover what the codecs accept and send. Client message types come from the
 * codecs' own command types (each sealed command record, in snake case, plus the skeleton's
 * {@code ping}), checked against the codec's decode; server frames are made by the codecs' encoders
 * (every public encoder must be exercised here) and must match a documented message: its
 * {@code type} (or the event name) and its top-level fields. Event names, error codes, resume and
 * event-id fields and close reasons come from the codecs' and controls' constants.
 */
class AsyncApiCoverageTest {

    private static final Instant AT = Instant.parse("2026-01-25T10:30:00Z");
    private static final String EPOCH = "3f9a0c1d7e42";

    @Test
    void thereIsOneDocumentPerProduct() {
        for (String product : new TreeSet<>(EventIntake.PRODUCTS)) {
            AsyncApiModel doc = AsyncApiModel.of(product);
            assertEquals("3.0.0", doc.root().get("asyncapi"), product);
            Map<String, Object> server = AsyncApiModel.map(AsyncApiModel.map(doc.root().get("servers")).get("herald"));
            assertEquals("ws", server.get("protocol"), product);
        }
    }

    @Test
    void serverPathsAreTheEndpoints() throws Exception {
        Map<String, Class<?>> endpoints = Map.of(
                "commerce", io.herald.commerce.boundary.CommerceSocket.class,
                "inventory", io.herald.inventory.boundary.NotificationSocket.class,
                "orders", io.herald.orders.boundary.OrderStatusSocket.class,
                "pos", io.herald.pos.boundary.PosSocket.class,
                "trading", io.herald.trading.boundary.TradingSocket.class);
        assertEquals(new TreeSet<>(EventIntake.PRODUCTS), new TreeSet<>(endpoints.keySet()));
        endpoints.forEach((product, socket) -> {
            String path = socket.getAnnotation(jakarta.websocket.server.ServerEndpoint.class).value();
            Map<String, Object> server = AsyncApiModel.map(AsyncApiModel.map(AsyncApiModel.of(product).root().get("servers")).get("herald"));
            assertEquals(path, server.get("pathname"), product);
        });
    }

    // --- client → server -------------------------------------------------------------------

    @Test
    void commerceAcceptsWhatItsDocumentDocuments() {
        clientTypes("commerce", CommerceCommand.class, type -> CommerceCodec.decode(frame("type", type)));
    }

    @Test
    void inventoryAcceptsWhatItsDocumentDocuments() {
        clientTypes("inventory", InventoryCommand.class, type -> InventoryCodec.decode(type.equals("PING") ? type : frame("action", type)), "PING");
    }

    @Test
    void ordersAcceptsWhatItsDocumentDocuments() {
        clientTypes("orders", OrdersCommand.class, type -> OrdersCodec.decode(frame("type", type)));
    }

    @Test
    void posAcceptsWhatItsDocumentDocuments() {
        clientTypes("pos", PosCommand.class, type -> PosCodec.decode(frame("type", type)));
    }

    @Test
    void tradingAcceptsWhatItsDocumentDocuments() {
        clientTypes("trading", TradingCommand.class, type -> TradingCodec.decode(frame("type", type)));
    }

    /**
     * The types the codec's commands stand for (plus {@code ping}) are exactly the documented client
     * messages, and the codec knows each documented one.
     */
    private static void clientTypes(String product, Class<?> commands, Function<String, SocketCommand<?>> decode, String... more) {
        Set<String> fromCode = new TreeSet<>();
        for (Class<?> command : commands.getPermittedSubclasses()) {
            if (!command.getSimpleName().equals("Refuse")) {
                fromCode.add(snake(command.getSimpleName()));
            }
        }
        fromCode.add("ping");
        fromCode.addAll(List.of(more));
        Set<String> documented = AsyncApiModel.of(product).messages().stream().filter(AsyncApiModel.Message::received)
                .flatMap(m -> m.discriminators().stream()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fromCode, documented, product + ": the client messages of the code and of the document");
        for (String type : documented) {
            assertFalse(unknown(decode.apply(type)), product + ": the codec does not know the documented " + type);
        }
        assertTrue(unknown(decode.apply("no_such_type")), product + ": the check itself");
    }

    private static boolean unknown(SocketCommand<?> command) {
        String message = command instanceof SocketCommand.Invalid<?> invalid ? invalid.message()
                : command instanceof PosCommand.Refuse refuse ? refuse.error().message() : "";
        return message.startsWith("Unknown") || message.startsWith("unknown");
    }

    /** {@code ListRooms} → {@code list_rooms} */
    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String frame(String field, String value) {
        return Json.createObjectBuilder().add(field, value).build().toString();
    }

    // --- server → client -------------------------------------------------------------------

    @Test
    void commerceSendsWhatItsDocumentDocuments() {
        Sent sent = new Sent("commerce", CommerceCodec.class);
        sent.add("connected", CommerceCodec.connected(1));
        sent.add("pong", CommerceCodec.pong());
        sent.add("error", CommerceCodec.error("Missing channel"));
        sent.add("confirmation", CommerceCodec.confirmation("subscribed", "order_changes"));
        sent.add("confirmation", CommerceCodec.confirmation("unsubscribed", "order_changes"));
        sent.add("gap", CommerceCodec.gap("order_changes", "x.1", "the event id is from another event log"));
        for (String entity : CommerceChannels.ENTITIES) {
            for (String change : List.of("created", "updated", "deleted")) {
                sent.addEvent("event", CommerceCodec.event(envelope("commerce", entity + ":" + change, Json.createObjectBuilder().add("id", 1).build())));
            }
        }
        sent.check();
        AsyncApiModel doc = AsyncApiModel.of("commerce");
        assertTrue(doc.valuesOf("channel").containsAll(CommerceChannels.ENTITIES.stream().map(e -> e + "_changes").toList()), "channels");
        resumeFields(doc, CommerceCodec.EVENT_ID, CommerceCodec.LAST_EVENT_ID);
        closeReasons(doc, io.herald.socket.OriginPolicy.REFUSED);
    }

    @Test
    void inventorySendsWhatItsDocumentDocuments() {
        Sent sent = new Sent("inventory", InventoryCodec.class);
        sent.add("connected", InventoryCodec.connected("alice"));
        sent.add("pong", InventoryCodec.pong());
        sent.add("error", InventoryCodec.error("Missing action"));
        JsonObject notification = Json.createObjectBuilder().add("id", "42").add("message", "Product expires in 2 days").add("type", "warning")
                .add("productName", "Organic Milk").add("created_at", "2026-03-04T10:30:00.000Z").build();
        sent.add("notification", InventoryCodec.notification(envelope("inventory", "notification.created", notification)));
        sent.add("notification", InventoryCodec.notification(new io.herald.inventory.control.NotificationView("42", "alice", "Product expires in 2 days",
                "warning", "Organic Milk", AT, false, EPOCH + ".1042")));
        sent.check();
        resumeFields(AsyncApiModel.of("inventory"), InventoryCodec.EVENT_ID, null);
    }

    @Test
    void ordersSendsWhatItsDocumentDocuments() {
        Sent sent = new Sent("orders", OrdersCodec.class);
        SubscriptionRules.Granted order = new SubscriptionRules.Granted(SubscriptionRules.Scope.ORDER, "ord_1", "orders:order:ord_1");
        SubscriptionRules.Granted organization = new SubscriptionRules.Granted(SubscriptionRules.Scope.ORGANIZATION, null, "orders:org:acme");
        sent.add("connected", OrdersCodec.connected());
        sent.add("subscription", OrdersCodec.subscription(order, true));
        sent.add("subscription", OrdersCodec.subscription(organization, false));
        sent.add("error", OrdersCodec.error(OrdersCodec.MISSING_TYPE));
        sent.add("pong", OrdersCodec.pong());
        sent.add("gap", OrdersCodec.gap(order, "x.1", "the event id is from another event log"));
        for (String type : List.of(OrdersKeys.ORDER_CREATED, OrdersKeys.STATUS_CHANGED)) {
            JsonObject data = Json.createObjectBuilder().add("event", type).add("order_id", "ord_1").add("organization_id", "acme")
                    .add("status", "pending").add("updated_at", "2026-01-25T10:30:00.000Z").build();
            sent.add("event", OrdersCodec.event(envelope("orders", type, data)));
        }
        sent.check();
        AsyncApiModel doc = AsyncApiModel.of("orders");
        assertTrue(doc.valuesOf("event").containsAll(List.of(OrdersKeys.ORDER_CREATED, OrdersKeys.STATUS_CHANGED)), "order event names");
        resumeFields(doc, OrdersCodec.EVENT_ID, OrdersCodec.LAST_EVENT_ID);
        closeReasons(doc, io.herald.orders.boundary.OrderConnection.TOO_MANY_FAILURES, io.herald.orders.boundary.OrderConnection.AUTHENTICATION_TIMEOUT,
                io.herald.orders.boundary.OrderConnection.KEY_REVOKED);
    }

    @Test
    void posSendsWhatItsDocumentDocuments() throws Exception {
        Sent sent = new Sent("pos", PosCodec.class);
        JsonValue id = Json.createValue("req-1");
        JsonObject params = Json.createObjectBuilder().add("location_id", "loc-1").build();
        PosSubscriptions.Subscription s = new PosSubscriptions.Subscription("sub-1",
                new PosFilter(PosChannel.ORDERS, Set.of("loc-1"), null, Set.of(), Map.of()), params, AT);
        Presence.Present who = new Presence.Present("user-sarah", JsonValue.EMPTY_JSON_OBJECT, AT);
        sent.add("subscribed", PosCodec.subscribed(id, s));
        sent.add("unsubscribed", PosCodec.unsubscribed(id, "sub-1"));
        sent.add("unsubscribedAll", PosCodec.unsubscribedAll(id, List.of(s)));
        sent.add("subscriptions", PosCodec.subscriptions(id, List.of(s)));
        sent.add("presenceJoined", PosCodec.presenceJoined(id, "orders", params, who));
        sent.add("presenceLeft", PosCodec.presenceLeft(id, "orders", params));
        sent.add("presenceList", PosCodec.presenceList(id, "orders", List.of(who)));
        sent.add("pong", PosCodec.pong());
        sent.add("gap", PosCodec.gap(id, s, "x.1", "the event id is from another event log"));
        for (String type : List.of(Presence.JOINED, Presence.LEFT)) {
            JsonObject data = Json.createObjectBuilder().add("channel", "orders").add("location_id", "loc-1").add("user_id", "user-sarah")
                    .add("user_info", JsonValue.EMPTY_JSON_OBJECT).add("joined_at", "2026-01-18T14:30:00.000Z").build();
            sent.add("presence", PosCodec.presence(envelope("pos", type, data)));
        }
        for (PosChannel channel : PosChannel.values()) {
            for (String type : channel.events()) {
                EventEnvelope e = envelope("pos", type, Json.createObjectBuilder().add("location_id", "loc-1").build());
                sent.add("event", PosCodec.event(channel.wireName(), List.of("sub-1"), e, PosCodec.eventTail(e)));
                sent.addEvent("eventTail", PosCodec.event(channel.wireName(), List.of("sub-1"), e, PosCodec.eventTail(e)));
            }
        }
        for (Field f : PosError.class.getFields()) {
            if (isConstant(f)) {
                sent.add("error", PosCodec.error(id, new PosError((String) f.get(null), "m", JsonValue.EMPTY_JSON_OBJECT)));
            }
        }
        sent.add("error", PosCodec.error(id, PosError.limit(50, 50)));
        sent.check();
        AsyncApiModel doc = AsyncApiModel.of("pos");
        assertEquals(constants(PosError.class), new TreeSet<>(doc.valuesOf("code")), "error codes");
        assertTrue(doc.valuesOf("channel").containsAll(Arrays.stream(PosChannel.values()).map(PosChannel::wireName).toList()), "channels");
        resumeFields(doc, PosCodec.EVENT_ID, PosCodec.LAST_EVENT_ID);
    }

    @Test
    void tradingSendsWhatItsDocumentDocuments() throws Exception {
        Sent sent = new Sent("trading", TradingCodec.class);
        sent.add("connected", TradingCodec.connected("user_123", "s-1"));
        sent.add("roomSubscription", TradingCodec.roomSubscription("market:BTC_USD", "subscribed", List.of("user:user_123", "market:BTC_USD")));
        sent.add("roomList", TradingCodec.roomList(List.of("user:user_123")));
        sent.add("pong", TradingCodec.pong());
        sent.add("gap", TradingCodec.gap("market:BTC_USD", "x.1", "the event id is from another event log"));
        for (String code : constants(TradingCodec.class)) {
            sent.add("error", TradingCodec.error(code, "m"));
        }
        assertFalse(TradingCodec.eventTypes().isEmpty());
        for (String type : TradingCodec.eventTypes()) {
            sent.add("event", TradingCodec.event(envelope("trading", type, JsonValue.EMPTY_JSON_OBJECT)));
        }
        sent.check();
        AsyncApiModel doc = AsyncApiModel.of("trading");
        assertEquals(constants(TradingCodec.class), new TreeSet<>(doc.valuesOf("code")), "error codes");
        for (String type : TradingCodec.eventTypes()) {
            // each event message names its channel as the codec does
            JsonObject frame = json(TradingCodec.event(envelope("trading", type, JsonValue.EMPTY_JSON_OBJECT)));
            AsyncApiModel.Message m = doc.messages().stream().filter(x -> x.discriminators().contains(type)).findFirst().orElseThrow();
            assertEquals(frame.getString("channel"), AsyncApiModel.map(AsyncApiModel.map(m.payload().get("properties")).get("channel")).get("const"), type);
        }
        resumeFields(doc, TradingCodec.EVENT_ID, TradingCodec.LAST_EVENT_ID);
        closeReasons(doc, "Authentication timeout", "Rate limit exceeded", "Connection limit reached", "Token expired");
    }

    @Test
    void everyDocumentHasTheCommonCloseCodesAndTheBinaryError() {
        for (String product : EventIntake.PRODUCTS) {
            AsyncApiModel doc = AsyncApiModel.of(product);
            Set<Object> codes = doc.closeCodes().stream().map(c -> c.get("code")).collect(Collectors.toSet());
            assertTrue(codes.containsAll(List.of(SocketClose.POLICY_VIOLATION, SocketClose.TOO_BIG, SocketClose.TOO_SLOW)), product + ": " + codes);
            closeReasons(doc, SocketClose.TOO_SLOW_REASON, SocketClose.RATE_LIMITED_REASON);
            assertTrue(AsyncApiModel.of(product).root().toString().contains(SocketSubscriber.BINARY_NOT_SUPPORTED), product);
        }
    }

    private static void closeReasons(AsyncApiModel doc, String... reasons) {
        String documented = doc.closeCodes().stream().map(c -> String.valueOf(c.get("reason"))).collect(Collectors.joining(" | "));
        for (String reason : reasons) {
            assertTrue(documented.contains(reason), doc.product() + ": close reason " + reason + " in " + documented);
        }
    }

    private static void resumeFields(AsyncApiModel doc, String eventId, String lastEventId) {
        Set<String> names = doc.propertyNames();
        assertTrue(names.contains(eventId), doc.product() + ": " + eventId);
        if (lastEventId != null) {
            assertTrue(names.contains(lastEventId), doc.product() + ": " + lastEventId);
        }
    }

    /** The public static final String constants of a class whose values are error codes (not field names). */
    private static Set<String> constants(Class<?> type) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field f : type.getFields()) {
            if (isConstant(f)) {
                values.add((String) f.get(null));
            }
        }
        return values;
    }

    private static boolean isConstant(Field f) {
        return Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().endsWith("EVENT_ID");
    }

    private static EventEnvelope envelope(String product, String type, JsonObject data) {
        return new EventEnvelope(1042, product, type, Set.of(product + ":k"), data, AT, EPOCH);
    }

    private static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    /** Frames made by one codec's encoders, checked against one document's server messages. */
    private static final class Sent {

        private final AsyncApiModel doc;
        private final Class<?> codec;
        private final Set<String> encoders = new LinkedHashSet<>();
        private final List<String> problems = new ArrayList<>();

        Sent(String product, Class<?> codec) {
            this.doc = AsyncApiModel.of(product);
            this.codec = codec;
        }

        /** A frame made by {@code encoder}: its {@code type} names a documented server message with its fields. */
        void add(String encoder, String text) {
            encoders.add(encoder);
            JsonObject frame = json(text);
            String type = frame.get("type") instanceof JsonString s ? s.getString() : null;
            List<AsyncApiModel.Message> candidates = doc.messages().stream().filter(m -> !m.received())
                    .filter(m -> type != null && m.discriminators().contains(type)).toList();
            if (candidates.isEmpty()) {
                // a message without a type discriminator (inventory's notification): by its fields
                candidates = doc.messages().stream().filter(m -> !m.received() && m.discriminators().isEmpty()).toList();
            }
            if (candidates.isEmpty()) {
                problems.add(encoder + ": no documented message for " + text);
                return;
            }
            List<String> mismatches = new ArrayList<>();
            for (AsyncApiModel.Message m : candidates) {
                Set<String> extra = new TreeSet<>(frame.keySet());
                extra.removeAll(m.properties());
                Set<String> missing = new TreeSet<>(m.required());
                missing.removeAll(frame.keySet());
                if (extra.isEmpty() && missing.isEmpty()) {
                    return;
                }
                mismatches.add(m.key() + " (undocumented " + extra + ", missing " + missing + ")");
            }
            problems.add(encoder + ": " + text + " matches no message: " + mismatches);
        }

        /** An event frame with no {@code type} of its own (commerce) or whose name is in {@code event}: the name is documented. */
        void addEvent(String encoder, String text) {
            JsonObject frame = json(text);
            if (frame.containsKey("type") && !encoder.equals("eventTail")) {
                add(encoder, text);
            } else if (!frame.containsKey("type")) {
                encoders.add(encoder);
                List<AsyncApiModel.Message> withEvent = doc.messages().stream()
                        .filter(m -> !m.received() && m.properties().contains("event") && m.properties().containsAll(frame.keySet())).toList();
                if (withEvent.isEmpty()) {
                    problems.add(encoder + ": no documented message with the fields of " + text);
                }
            } else {
                encoders.add(encoder);
            }
            String event = frame.getString("event", null);
            if (event != null && !doc.valuesOf("event").contains(event)) {
                problems.add(encoder + ": event " + event + " is not documented");
            }
        }

        /** Every frame matched, and every public encoder of the codec was exercised. */
        void check() {
            Set<String> all = Stream.of(codec.getMethods())
                    .filter(m -> m.getDeclaringClass() == codec && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == String.class)
                    .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
            all.removeAll(encoders);
            assertTrue(all.isEmpty(), doc.product() + ": encoders not exercised by this test (add them and their messages): " + all);
            assertTrue(problems.isEmpty(), doc.product() + ":\n  " + String.join("\n  ", problems));
        }
    }
}
