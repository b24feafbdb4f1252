package io.herald.it.orders;

import static io.herald.it.orders.OrdersClient.CONNECTED;
import static io.herald.it.orders.OrdersClient.SUBSCRIBE_ORGANIZATION;
import static io.herald.it.orders.OrdersClient.apiKey;
import static io.herald.it.orders.OrdersClient.connect;
import static io.herald.it.orders.OrdersClient.createOrder;
import static io.herald.it.orders.OrdersClient.error;
import static io.herald.it.orders.OrdersClient.newOrganization;
import static io.herald.it.orders.OrdersClient.requestSignature;
import static io.herald.it.orders.OrdersClient.signature;
import static io.herald.it.orders.OrdersClient.signatureNow;
import static io.herald.it.orders.OrdersClient.socket;
import static io.herald.it.orders.OrdersClient.subscribeOrganization;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 23, item 7: a captured signature is good for one connection or one request, on whichever
 * node of the cluster; its timestamp must be at most 60 s old and at most 5 s ahead; over REST the
 * API key alone creates orders and reads one by id, while listing and changing need a signature
 * over the request.
 */
@ExtendWith(Cluster.class)
class SignatureReplayIT {

    static final String REPLAYED = "invalid authorization_signature: already used";
    static final String OUT_OF_RANGE = "invalid authorization_signature: timestamp out of range";
    static final String MISMATCH = "invalid authorization_signature: signature mismatch";
    static final String MISSING = "missing authorization_signature";
    static final String SIGNATURE_HEADER = "X-Authorization-Signature";

    final HeraldNode a = Cluster.get().nodeA();
    final HeraldNode b = Cluster.get().nodeB();

    static JsonObject restError(String message) {
        return Json.createObjectBuilder().add("type", "error").add("message", message).build();
    }

    static Map<String, String> headers(String apiKey, String signature) {
        return Map.of("X-API-Key", apiKey, SIGNATURE_HEADER, signature);
    }

    @Test
    void oneSignedConnectOpensOneConnectionAndTheSameMessageIsRefusedOnEveryOtherSocketAndNode() {
        OrdersClient.Organization org = newOrganization(a);
        String captured = connect(org.apiKey(), signatureNow(org.apiKey(), org.secret()));
        try (WsClient first = socket(a); WsClient second = socket(a); WsClient third = socket(b)) {
            first.send(captured);
            assertEquals(CONNECTED, first.next());
            subscribeOrganization(first);
            second.send(captured);
            assertEquals(error(REPLAYED), second.next(), "a second socket on the same node");
            third.send(captured);
            assertEquals(error(REPLAYED), third.next(), "a third socket, on the other node");
            for (WsClient refused : List.of(second, third)) {
                refused.send(SUBSCRIBE_ORGANIZATION);
                assertEquals(error("not authenticated"), refused.next(), "a refused replay authenticates nothing");
            }
            // the rightful client signs again for its next connection
            third.send(connect(org.apiKey(), signatureNow(org.apiKey(), org.secret())));
            assertEquals(CONNECTED, third.next());
            subscribeOrganization(third);
            JsonObject order = createOrder(a, org.apiKey(), "after-replay");
            assertEquals(OrdersClient.created(order), first.next());
            assertEquals(OrdersClient.created(order), third.next());
        }
    }

    @Test
    void theSameConnectSentAtOnceOnSixSocketsOfBothNodesOpensOne() {
        OrdersClient.Organization org = newOrganization(a);
        String captured = connect(org.apiKey(), signatureNow(org.apiKey(), org.secret()));
        List<WsClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                sockets.add(socket(i % 2 == 0 ? a : b));
            }
            sockets.forEach(ws -> ws.send(captured));
            Map<JsonObject, Integer> answers = new HashMap<>();
            for (WsClient ws : sockets) {
                answers.merge(ws.next(), 1, Integer::sum);
            }
            assertEquals(Map.of(CONNECTED, 1, error(REPLAYED), 5), answers);
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    @Test
    void timestampsOutsideTheWindowAreRefusedAndAFreshOneIsAccepted() {
        OrdersClient.Organization org = newOrganization(a);
        long now = Instant.now().getEpochSecond();
        try (WsClient ws = socket(b)) {
            ws.send(connect(org.apiKey(), signature(org.apiKey(), org.secret(), now + 299)));
            assertEquals(error(OUT_OF_RANGE), ws.next(), "299 s in the future");
            ws.send(connect(org.apiKey(), signature(org.apiKey(), org.secret(), now + 30)));
            assertEquals(error(OUT_OF_RANGE), ws.next(), "30 s in the future");
            ws.send(connect(org.apiKey(), signature(org.apiKey(), org.secret(), now - 90)));
            assertEquals(error(OUT_OF_RANGE), ws.next(), "90 s old");
            ws.send(connect(org.apiKey(), signatureNow(org.apiKey(), org.secret())));
            assertEquals(CONNECTED, ws.next());
            subscribeOrganization(ws);
        }
    }

    @Test
    void restListingAndChangingNeedAnUnusedSignatureCreatingAndReadingOneDoNot() {
        OrdersClient.Organization org = newOrganization(a);
        HttpJson onA = new HttpJson(a);
        HttpJson onB = new HttpJson(b);
        JsonObject order = createOrder(a, org.apiKey(), "rest-rule");
        String id = order.getString("id");
        String path = "/orders/api/orders/" + id;
        assertEquals(order, onB.get(path, apiKey(org.apiKey())).object(), "one order by id with the key alone");

        HttpJson.Reply list = onA.get("/orders/api/orders", apiKey(org.apiKey()));
        assertEquals(401, list.status());
        assertEquals(restError(MISSING), list.object());
        HttpJson.Reply change = onA.patch(path, "{\"status\":\"cancelled\"}", apiKey(org.apiKey()));
        assertEquals(401, change.status());
        assertEquals(restError(MISSING), change.object());
        assertEquals(order, onA.get(path, apiKey(org.apiKey())).object(), "unchanged");

        // a signed list, then the same request again on either node
        Map<String, String> signedList = OrdersClient.signed(org.apiKey(), "GET", "/orders/api/orders", "");
        HttpJson.Reply listed = onA.get("/orders/api/orders", signedList);
        assertEquals(200, listed.status(), listed.body());
        assertEquals(List.of(order), listed.json().asJsonArray());
        for (HttpJson http : List.of(onA, onB)) {
            HttpJson.Reply again = http.get("/orders/api/orders", signedList);
            assertEquals(401, again.status());
            assertEquals(restError(REPLAYED), again.object());
        }

        // a signed change is good for that order and that body only, once
        String body = "{\"status\":\"processing\"}";
        Map<String, String> signedChange = OrdersClient.signed(org.apiKey(), "PATCH", path, body);
        JsonObject other = createOrder(a, org.apiKey(), "other");
        assertEquals(restError(MISMATCH), onA.patch("/orders/api/orders/" + other.getString("id"), body, signedChange).object(), "another order");
        assertEquals(restError(MISMATCH), onA.patch(path, "{\"status\":\"cancelled\"}", signedChange).object(), "another body");
        HttpJson.Reply changed = onB.patch(path, body, signedChange);
        assertEquals(200, changed.status(), changed.body());
        assertEquals("processing", changed.object().getString("status"));
        HttpJson.Reply replayed = onA.patch(path, body, signedChange);
        assertEquals(401, replayed.status());
        assertEquals(restError(REPLAYED), replayed.object());

        // what a connect signs does not sign a request; timestamps outside the window are refused
        long now = Instant.now().getEpochSecond();
        assertEquals(restError(MISMATCH), onA.get("/orders/api/orders", headers(org.apiKey(), signatureNow(org.apiKey(), org.secret()))).object());
        assertEquals(restError(OUT_OF_RANGE), onA.get("/orders/api/orders",
                headers(org.apiKey(), requestSignature(org.apiKey(), org.secret(), "GET", "/orders/api/orders", "", now + 299))).object());
        assertEquals(restError(OUT_OF_RANGE), onA.get("/orders/api/orders",
                headers(org.apiKey(), requestSignature(org.apiKey(), org.secret(), "GET", "/orders/api/orders", "", now - 90))).object());
        // another organization's signature with this organization's key
        assertEquals(restError("invalid authorization_signature: APIKey does not match api_key"), onA.get("/orders/api/orders",
                Map.of("X-API-Key", org.apiKey(), SIGNATURE_HEADER, OrdersClient.signed(OrdersClient.ACME_KEY, "GET", "/orders/api/orders", "")
                        .get(SIGNATURE_HEADER))).object());
        // a signature where none is needed is not looked at
        assertEquals(201, onA.post("/orders/api/orders", "{}", headers(org.apiKey(), "garbage")).status());
    }
}
