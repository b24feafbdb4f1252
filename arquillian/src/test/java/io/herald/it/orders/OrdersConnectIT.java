package io.herald.it.orders;

import static io.herald.it.orders.OrdersClient.ACME_KEY;
import static io.herald.it.orders.OrdersClient.ACME_SECRET;
import static io.herald.it.orders.OrdersClient.CONNECTED;
import static io.herald.it.orders.OrdersClient.GLOBEX_KEY;
import static io.herald.it.orders.OrdersClient.GLOBEX_SECRET;
import static io.herald.it.orders.OrdersClient.SUBSCRIBE_ORGANIZATION;
import static io.herald.it.orders.OrdersClient.UNSUBSCRIBE_ORGANIZATION;
import static io.herald.it.orders.OrdersClient.connect;
import static io.herald.it.orders.OrdersClient.error;
import static io.herald.it.orders.OrdersClient.json;
import static io.herald.it.orders.OrdersClient.organizationSubscription;
import static io.herald.it.orders.OrdersClient.signature;
import static io.herald.it.orders.OrdersClient.signatureNow;
import static io.herald.it.orders.OrdersClient.socket;
import static io.herald.it.orders.OrdersClient.subscribeOrder;
import static io.herald.it.orders.OrdersClient.unsubscribeOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Document 002's connect message, as a client written from the document sees it, with the demo keys. */
@ExtendWith(Cluster.class)
class OrdersConnectIT {

    static final JsonObject PONG = json("{\"type\":\"pong\",\"data\":{}}");

    final HeraldNode node = Cluster.get().nodeA();

    @Test
    void connectWithTheDemoKey() {
        try (WsClient ws = socket(node)) {
            ws.send("{\"type\":\"connect\",\"data\":{\"api_key\":\"ak_demo_acme\"}}");
            assertEquals("{\"type\":\"connected\",\"data\":{\"status\":\"authenticated\"}}", ws.nextText());
        }
    }

    @Test
    void anUnknownOrMissingKeyIsRefusedAndTheConnectionStays() {
        try (WsClient ws = socket(node)) {
            ws.send(connect("ak_does_not_exist"));
            assertEquals(error("invalid api_key"), ws.next());
            ws.send("{\"type\":\"connect\",\"data\":{}}");
            assertEquals(error("missing api_key"), ws.next());
            ws.send("{\"type\":\"connect\",\"data\":{\"api_key\":\"\"}}");
            assertEquals(error("missing api_key"), ws.next());
            ws.send(subscribeOrder("ord_x"));
            assertEquals(error("not authenticated"), ws.next(), "a refused connect authenticates nothing");
            ws.send(connect(ACME_KEY));
            assertEquals(CONNECTED, ws.next());
        }
    }

    @Test
    void subscribeAndUnsubscribeBeforeConnectAreNotAuthenticated() {
        try (WsClient ws = socket(node)) {
            for (String message : new String[] {subscribeOrder("ord_x"), SUBSCRIBE_ORGANIZATION, unsubscribeOrder("ord_x"),
                UNSUBSCRIBE_ORGANIZATION, "{\"type\":\"subscribe\"}", "{\"type\":\"unsubscribe\",\"data\":\"x\"}"}) {
                ws.send(message);
                assertEquals(error("not authenticated"), ws.next(), message);
            }
            ws.send("{\"type\":\"ping\"}");
            assertEquals(PONG, ws.next());
        }
    }

    @Test
    void aSignedConnectWithASignatureComputedFromTheRecipe() {
        // the current time, or a second before this run's last signature with the key (each signature is accepted once)
        long now = OrdersClient.freshTimestamp(ACME_KEY);
        String header = "APIKey=ak_demo_acme,signature=" + OrdersClient.hmacHex("sk_demo_acme", "GET\n/ws\n" + now) + ",timestamp=" + now;
        try (WsClient ws = socket(node)) {
            ws.send("{\"type\":\"connect\",\"data\":{\"api_key\":\"ak_demo_acme\",\"authorization_signature\":\"" + header + "\"}}");
            assertEquals(CONNECTED, ws.next());
            ws.send(SUBSCRIBE_ORGANIZATION);
            assertEquals(organizationSubscription("subscribed"), ws.next());
        }
        // parts in another order, spaces after the commas, uppercase hex
        long then = OrdersClient.freshTimestamp(GLOBEX_KEY);
        String shuffled = "timestamp=" + then + ", signature=" + OrdersClient.hmacHex("sk_demo_globex", "GET\n/ws\n" + then).toUpperCase() + ", APIKey=ak_demo_globex";
        try (WsClient ws = socket(Cluster.get().nodeB())) {
            ws.send(connect(GLOBEX_KEY, shuffled));
            assertEquals(CONNECTED, ws.next());
        }
    }

    @Test
    void wrongSignaturesAreRefusedAndTheConnectionStaysUsable() {
        long now = Instant.now().getEpochSecond();
        try (WsClient ws = socket(node)) {
            ws.send(connect(ACME_KEY, signature(ACME_KEY, "sk_wrong_secret", now)));
            assertEquals(error("invalid authorization_signature: signature mismatch"), ws.next());
            ws.send(connect(ACME_KEY, signature(ACME_KEY, ACME_SECRET, now - 400)));
            assertEquals(error("invalid authorization_signature: timestamp out of range"), ws.next());
            ws.send(connect(ACME_KEY, signature(ACME_KEY, ACME_SECRET, now + 400)));
            assertEquals(error("invalid authorization_signature: timestamp out of range"), ws.next());
            ws.send(SUBSCRIBE_ORGANIZATION);
            assertEquals(error("not authenticated"), ws.next());
            ws.send(connect(ACME_KEY, signatureNow(ACME_KEY, ACME_SECRET)));
            assertEquals(CONNECTED, ws.next());
        }
        try (WsClient ws = socket(node)) {
            // globex's own valid signature, presented with acme's key
            ws.send(connect(ACME_KEY, signatureNow(GLOBEX_KEY, GLOBEX_SECRET)));
            assertEquals(error("invalid authorization_signature: APIKey does not match api_key"), ws.next());
            // globex's HMAC relabelled as acme's
            ws.send(connect(ACME_KEY, signatureNow(GLOBEX_KEY, GLOBEX_SECRET).replace("APIKey=ak_demo_globex", "APIKey=ak_demo_acme")));
            assertEquals(error("invalid authorization_signature: signature mismatch"), ws.next());
            ws.send(connect(ACME_KEY, "APIKey=ak_demo_acme,timestamp=" + now));
            assertEquals(error("invalid authorization_signature"), ws.next());
            ws.send(connect(GLOBEX_KEY));
            assertEquals(CONNECTED, ws.next(), "an API-key-only connect after failed signed ones");
            ws.send(SUBSCRIBE_ORGANIZATION);
            assertEquals(error("organization scope requires a signed connect"), ws.next());
        }
    }

    @Test
    void aSecondConnectIsRefused() {
        try (WsClient ws = socket(node)) {
            ws.send(connect(ACME_KEY));
            assertEquals(CONNECTED, ws.next());
            ws.send(connect(GLOBEX_KEY, signatureNow(GLOBEX_KEY, GLOBEX_SECRET)));
            assertEquals(error("already authenticated"), ws.next());
            ws.send(SUBSCRIBE_ORGANIZATION);
            assertEquals(error("organization scope requires a signed connect"), ws.next(), "still the first, unsigned, identity");
        }
    }

    @Test
    void theFifthFailedConnectClosesWithPolicyViolation() {
        try (WsClient ws = socket(node)) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                ws.send(connect("ak_guess_" + attempt));
                assertEquals(error("invalid api_key"), ws.next());
            }
            ws.send(connect(ACME_KEY, signature(ACME_KEY, "sk_guess", Instant.now().getEpochSecond())));
            assertEquals(new WsClient.Close(1008, "Too many failed authentication attempts"), ws.awaitClose());
        }
    }

    @Test
    void aConnectionThatDoesNotAuthenticateInTimeIsClosed() {
        // the cluster runs with herald.orders.connect-timeout-seconds=10
        try (WsClient idle = socket(node); WsClient authenticated = socket(node)) {
            authenticated.send(connect(ACME_KEY));
            assertEquals(CONNECTED, authenticated.next());
            idle.send("{\"type\":\"ping\"}");
            assertEquals(PONG, idle.next());
            assertEquals(new WsClient.Close(1008, "Authentication timeout"), idle.awaitClose());
            authenticated.send("{\"type\":\"ping\"}");
            assertEquals(PONG, authenticated.next(), "an authenticated connection stays open");
        }
    }

    @Test
    void badMessagesGetErrorsAndTheConnectionKeepsWorking() {
        try (WsClient ws = socket(node)) {
            ws.send("this is not json");
            assertEquals(error("invalid JSON"), ws.next());
            ws.send("{\"type\":\"connect\",");
            assertEquals(error("invalid JSON"), ws.next());
            ws.send("[{\"type\":\"connect\"}]");
            assertEquals(error("invalid message: must be a JSON object"), ws.next());
            ws.send("{\"data\":{\"api_key\":\"ak_demo_acme\"}}");
            assertEquals(error("missing type"), ws.next());
            ws.send("{\"type\":\"dance\",\"data\":{}}");
            assertEquals(error("unknown type: dance"), ws.next());
            ws.send(connect(ACME_KEY));
            assertEquals(CONNECTED, ws.next());
            ws.send("{\"type\":\"subscribe\"}");
            assertEquals(error("invalid data: must be an object"), ws.next());
            ws.send("{\"type\":\"subscribe\",\"data\":[1]}");
            assertEquals(error("invalid data: must be an object"), ws.next());
            ws.send("{\"type\":\"subscribe\",\"data\":{\"order_id\":true}}");
            assertEquals(error("invalid order_id: must be a string or a number"), ws.next());
            ws.send("{\"type\":\"subscribe\",\"data\":{\"order_id\":12345}}");
            assertEquals(error("access denied"), ws.next());
            ws.send("nope");
            assertEquals(error("invalid JSON"), ws.next());
            ws.send("{\"type\":\"ping\"}");
            assertEquals(PONG, ws.next());
        }
    }

    @Test
    void anOversizedFrameClosesWith1009() {
        try (WsClient ws = socket(node)) {
            ws.send(connect(ACME_KEY));
            assertEquals(CONNECTED, ws.next());
            ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, ws.awaitClose().code());
        }
    }
}
