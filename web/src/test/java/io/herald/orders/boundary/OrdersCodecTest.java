package io.herald.orders.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.delivery.control.EventEnvelope;
import io.herald.orders.control.ConnectRequest;
import io.herald.orders.control.SubscriptionRequest;
import io.herald.orders.control.SubscriptionRules;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrdersCodecTest {

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static OrdersCommand.Invalid invalid(String message) {
        return new OrdersCommand.Invalid(message);
    }

    @Test
    void connect() {
        assertEquals(new OrdersCommand.Connect(new ConnectRequest("ak_demo_acme", null)),
                OrdersCodec.decode("{\"type\":\"connect\",\"data\":{\"api_key\":\"ak_demo_acme\"}}"));
        assertEquals(new OrdersCommand.Connect(new ConnectRequest("ak_demo_acme", "APIKey=ak_demo_acme,signature=ab,timestamp=1")),
                OrdersCodec.decode("{\"type\":\"connect\",\"data\":{\"api_key\":\"ak_demo_acme\",\"authorization_signature\":\"APIKey=ak_demo_acme,signature=ab,timestamp=1\"}}"));
    }

    @Test
    void connectWithoutAUsableApiKey() {
        ConnectRequest missing = new ConnectRequest(null, null);
        for (String message : new String[] {"{\"type\":\"connect\"}", "{\"type\":\"connect\",\"data\":null}", "{\"type\":\"connect\",\"data\":[]}",
            "{\"type\":\"connect\",\"data\":{}}", "{\"type\":\"connect\",\"data\":{\"api_key\":\"\"}}", "{\"type\":\"connect\",\"data\":{\"api_key\":\"  \"}}",
            "{\"type\":\"connect\",\"data\":{\"api_key\":42}}", "{\"type\":\"connect\",\"data\":{\"api_key\":null}}"}) {
            assertEquals(new OrdersCommand.Connect(missing), OrdersCodec.decode(message), message);
        }
    }

    @Test
    void signaturesThatAreAbsentBlankOrNotStrings() {
        assertEquals(new OrdersCommand.Connect(new ConnectRequest("k", null)),
                OrdersCodec.decode("{\"type\":\"connect\",\"data\":{\"api_key\":\"k\",\"authorization_signature\":null}}"));
        assertEquals(new OrdersCommand.Connect(new ConnectRequest("k", null)),
                OrdersCodec.decode("{\"type\":\"connect\",\"data\":{\"api_key\":\"k\",\"authorization_signature\":\" \"}}"));
        assertEquals(new OrdersCommand.Connect(new ConnectRequest("k", "{\"a\":1}")),
                OrdersCodec.decode("{\"type\":\"connect\",\"data\":{\"api_key\":\"k\",\"authorization_signature\":{\"a\":1}}}"));
    }

    @Test
    void subscribeAndUnsubscribe() {
        assertEquals(new OrdersCommand.Subscribe(new SubscriptionRequest.ForOrder("ord_1")),
                OrdersCodec.decode("{\"type\":\"subscribe\",\"data\":{\"order_id\":\"ord_1\"}}"));
        assertEquals(new OrdersCommand.Subscribe(new SubscriptionRequest.ForOrder("12345")),
                OrdersCodec.decode("{\"type\":\"subscribe\",\"data\":{\"order_id\":12345}}"));
        assertEquals(new OrdersCommand.Unsubscribe(new SubscriptionRequest.ForOrder("ord_1")),
                OrdersCodec.decode("{\"type\":\"unsubscribe\",\"data\":{\"order_id\":\"ord_1\",\"extra\":true}}"));
        for (String data : new String[] {"{}", "{\"order_id\":\"\"}", "{\"order_id\":\" \"}", "{\"order_id\":null}"}) {
            assertEquals(new OrdersCommand.Subscribe(new SubscriptionRequest.ForOrganization()),
                    OrdersCodec.decode("{\"type\":\"subscribe\",\"data\":" + data + "}"), data);
            assertEquals(new OrdersCommand.Unsubscribe(new SubscriptionRequest.ForOrganization()),
                    OrdersCodec.decode("{\"type\":\"unsubscribe\",\"data\":" + data + "}"), data);
        }
    }

    @Test
    void subscriptionDataThatIsNotAnObject() {
        SubscriptionRequest malformed = new SubscriptionRequest.Malformed("invalid data: must be an object");
        for (String message : new String[] {"{\"type\":\"subscribe\"}", "{\"type\":\"subscribe\",\"data\":null}",
            "{\"type\":\"subscribe\",\"data\":\"ord_1\"}", "{\"type\":\"subscribe\",\"data\":[\"ord_1\"]}"}) {
            assertEquals(new OrdersCommand.Subscribe(malformed), OrdersCodec.decode(message), message);
        }
        assertEquals(new OrdersCommand.Unsubscribe(malformed), OrdersCodec.decode("{\"type\":\"unsubscribe\",\"data\":5}"));
        assertEquals(new OrdersCommand.Subscribe(new SubscriptionRequest.Malformed("invalid order_id: must be a string or a number")),
                OrdersCodec.decode("{\"type\":\"subscribe\",\"data\":{\"order_id\":[1]}}"));
    }

    @Test
    void ping() {
        assertEquals(new OrdersCommand.Ping(), OrdersCodec.decode("{\"type\":\"ping\"}"));
        assertEquals(new OrdersCommand.Ping(), OrdersCodec.decode("{\"type\":\"ping\",\"data\":{}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{\"type\":", "{'type':'connect'}", "{\"type\":\"connect\"]", "{\"type\":\"ping\"} {\"type\":\"connect\"}"})
    void malformedJson(String text) {
        assertEquals(invalid("invalid JSON"), OrdersCodec.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"type\":\"connect\"}]", "\"connect\"", "42", "null", "true"})
    void notAnObject(String text) {
        assertEquals(invalid("invalid message: must be a JSON object"), OrdersCodec.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"data\":{}}", "{\"type\":null}", "{\"type\":1}", "{\"type\":\"\"}", "{\"type\":{\"name\":\"connect\"}}"})
    void missingType(String text) {
        assertEquals(invalid("missing type"), OrdersCodec.decode(text));
    }

    @Test
    void unknownTypes() {
        assertEquals(invalid("unknown type: dance"), OrdersCodec.decode("{\"type\":\"dance\"}"));
        assertEquals(invalid("unknown type: CONNECT"), OrdersCodec.decode("{\"type\":\"CONNECT\",\"data\":{\"api_key\":\"k\"}}"));
    }

    @Test
    void replyShapes() {
        assertEquals(json("{\"type\":\"connected\",\"data\":{\"status\":\"authenticated\"}}"), json(OrdersCodec.connected()));
        assertEquals(json("{\"type\":\"error\",\"data\":{\"message\":\"access denied\"}}"), json(OrdersCodec.error("access denied")));
        assertEquals(json("{\"type\":\"error\",\"data\":{\"message\":\"unknown type: \\\"x\\\"\"}}"), json(OrdersCodec.error("unknown type: \"x\"")));
        assertEquals(json("{\"type\":\"pong\",\"data\":{}}"), json(OrdersCodec.pong()));
        SubscriptionRules.Granted order = new SubscriptionRules.Granted(SubscriptionRules.Scope.ORDER, "ord_1", "orders:order:ord_1");
        SubscriptionRules.Granted organization = new SubscriptionRules.Granted(SubscriptionRules.Scope.ORGANIZATION, null, "orders:org:acme");
        assertEquals(json("{\"type\":\"subscription\",\"data\":{\"order_id\":\"ord_1\",\"scope\":\"order\",\"status\":\"subscribed\"}}"),
                json(OrdersCodec.subscription(order, true)));
        assertEquals(json("{\"type\":\"subscription\",\"data\":{\"order_id\":\"ord_1\",\"scope\":\"order\",\"status\":\"unsubscribed\"}}"),
                json(OrdersCodec.subscription(order, false)));
        assertEquals(json("{\"type\":\"subscription\",\"data\":{\"scope\":\"organization\",\"status\":\"subscribed\"}}"),
                json(OrdersCodec.subscription(organization, true)));
        assertEquals(json("{\"type\":\"subscription\",\"data\":{\"scope\":\"organization\",\"status\":\"unsubscribed\"}}"),
                json(OrdersCodec.subscription(organization, false)));
        // the documented order of fields
        assertEquals("{\"type\":\"subscription\",\"data\":{\"order_id\":\"ord_1\",\"scope\":\"order\",\"status\":\"subscribed\"}}",
                OrdersCodec.subscription(order, true));
        assertEquals("{\"type\":\"connected\",\"data\":{\"status\":\"authenticated\"}}", OrdersCodec.connected());
    }

    @Test
    void eventFrame() {
        JsonObject data = json("{\"event\":\"order.status_changed\",\"order_id\":\"ord_1\",\"organization_id\":\"acme\",\"status\":\"shipped\","
                + "\"previous_status\":\"processing\",\"reference\":null,\"updated_at\":\"2026-01-01T00:00:00.000Z\"}");
        EventEnvelope event = new EventEnvelope(7, "orders", "order.status_changed", Set.of("orders:order:ord_1", "orders:org:acme"), data, Instant.now());
        assertEquals(Json.createObjectBuilder().add("type", "event").add("data", data).build(), json(OrdersCodec.event(event)));
    }
}
