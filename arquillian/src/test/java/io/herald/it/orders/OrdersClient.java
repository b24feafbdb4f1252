package io.herald.it.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Gateway;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An API customer of document 002 as a client would write one from the document: REST with
 * {@code X-API-Key} (and {@code X-Authorization-Signature} where the README requires it), the
 * socket's messages, and the signatures computed here from the recipes (lowercase hex HMAC-SHA256
 * of {@code GET\n/ws\n<timestamp>}, or of {@code <METHOD>\n<target>\n<timestamp>\n<body sha256>},
 * keyed by the secret). Each signature is accepted once, so when this client signs the same thing
 * with a key twice within a second (two connects, the same request), it takes a second before the
 * last such signature.
 */
public final class OrdersClient {

    public static final String ACME_KEY = "ak_demo_acme";
    public static final String ACME_SECRET = "sk_demo_acme";
    public static final String GLOBEX_KEY = "ak_demo_globex";
    public static final String GLOBEX_SECRET = "sk_demo_globex";
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The secrets this client knows, by api_key: the demo keys and the keys it had issued. */
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>(Map.of(ACME_KEY, ACME_SECRET, GLOBEX_KEY, GLOBEX_SECRET));
    /** The last timestamp signed with each key. */
    private static final Map<String, Long> LAST_SIGNED = new ConcurrentHashMap<>();

    /** An organization with one key, as the admin API created it. */
    record Organization(String id, String apiKey, String secret) {
    }

    private OrdersClient() {
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static Map<String, String> admin() {
        return Map.of("Authorization", "Bearer " + TestTokens.token("admin", "admin"));
    }

    public static Map<String, String> apiKey(String key) {
        return Map.of("X-API-Key", key);
    }

    // --- the signature, from the recipe ---

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signature(String apiKey, String secret, long timestamp) {
        return "APIKey=" + apiKey + ",signature=" + hmacHex(secret, "GET\n/ws\n" + timestamp) + ",timestamp=" + timestamp;
    }

    public static String signatureNow(String apiKey, String secret) {
        return signature(apiKey, secret, freshTimestamp(apiKey));
    }

    /** A timestamp for a connect signature of {@code apiKey}, see {@link #freshTimestamp(String, String)}. */
    static long freshTimestamp(String apiKey) {
        return freshTimestamp(apiKey, "GET\n/ws");
    }

    /**
     * Now, unless this key has signed the same thing ({@code what}: all but the timestamp) at or
     * after now: then a second before the last such signature (the window accepts 60 s back).
     */
    static long freshTimestamp(String apiKey, String what) {
        long now = Instant.now().getEpochSecond();
        return LAST_SIGNED.merge(apiKey + "\n" + what, now, (last, current) -> last < current ? current : last - 1);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The REST recipe: what is signed for {@code method} on {@code target} (path and query as sent) with {@code body}. */
    static String requestToSign(String method, String target, String body, long timestamp) {
        return method + "\n" + target + "\n" + timestamp + "\n" + sha256Hex(body.getBytes(StandardCharsets.UTF_8));
    }

    static String requestSignature(String apiKey, String secret, String method, String target, String body, long timestamp) {
        return "APIKey=" + apiKey + ",signature=" + hmacHex(secret, requestToSign(method, target, body, timestamp)) + ",timestamp=" + timestamp;
    }

    /** Lets this client sign for a key that was issued outside {@link #newOrganization}. */
    static void remember(String apiKey, String secret) {
        SECRETS.put(apiKey, secret);
    }

    /** {@code X-API-Key} and a fresh {@code X-Authorization-Signature} for one request. */
    public static Map<String, String> signed(String apiKey, String method, String target, String body) {
        String secret = SECRETS.get(apiKey);
        if (secret == null) {
            throw new IllegalArgumentException("no secret known for " + apiKey);
        }
        long timestamp = freshTimestamp(apiKey, method + "\n" + target + "\n" + body);
        return Map.of("X-API-Key", apiKey, "X-Authorization-Signature", requestSignature(apiKey, secret, method, target, body, timestamp));
    }

    // --- frames ---

    static String connect(String apiKey) {
        return Json.createObjectBuilder().add("type", "connect").add("data", Json.createObjectBuilder().add("api_key", apiKey)).build().toString();
    }

    public static String connect(String apiKey, String signature) {
        return Json.createObjectBuilder().add("type", "connect")
                .add("data", Json.createObjectBuilder().add("api_key", apiKey).add("authorization_signature", signature)).build().toString();
    }

    static String subscribeOrder(String orderId) {
        return "{\"type\":\"subscribe\",\"data\":{\"order_id\":\"" + orderId + "\"}}";
    }

    static String unsubscribeOrder(String orderId) {
        return "{\"type\":\"unsubscribe\",\"data\":{\"order_id\":\"" + orderId + "\"}}";
    }

    public static final String SUBSCRIBE_ORGANIZATION = "{\"type\":\"subscribe\",\"data\":{}}";
    static final String UNSUBSCRIBE_ORGANIZATION = "{\"type\":\"unsubscribe\",\"data\":{}}";
    static final JsonObject CONNECTED = json("{\"type\":\"connected\",\"data\":{\"status\":\"authenticated\"}}");

    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("type", "error").add("data", Json.createObjectBuilder().add("message", message)).build();
    }

    static JsonObject orderSubscription(String orderId, String status) {
        return json("{\"type\":\"subscription\",\"data\":{\"order_id\":\"" + orderId + "\",\"scope\":\"order\",\"status\":\"" + status + "\"}}");
    }

    static JsonObject organizationSubscription(String status) {
        return json("{\"type\":\"subscription\",\"data\":{\"scope\":\"organization\",\"status\":\"" + status + "\"}}");
    }

    /** The event frame a change of {@code order} (as REST returned it after the change) must produce. */
    static JsonObject event(String type, JsonObject order, String previousStatus) {
        var data = Json.createObjectBuilder()
                .add("event", type)
                .add("order_id", order.getString("id"))
                .add("organization_id", order.getString("organization_id"))
                .add("status", order.getString("status"));
        if (previousStatus == null) {
            data.addNull("previous_status");
        } else {
            data.add("previous_status", previousStatus);
        }
        data.add("reference", order.get("reference")).add("updated_at", order.getString("updated_at"));
        return Json.createObjectBuilder().add("type", "event").add("data", data).build();
    }

    static JsonObject created(JsonObject order) {
        return event("order.created", order, null);
    }

    static JsonObject changed(JsonObject order, String previousStatus) {
        return event("order.status_changed", order, previousStatus);
    }

    // --- sockets ---

    static WsClient socket(HeraldNode node) {
        return WsClient.connect(node.ws("/orders/ws"));
    }

    /** A socket after a connect with the API key only. */
    static WsClient connected(HeraldNode node, String apiKey) {
        WsClient ws = socket(node);
        ws.send(connect(apiKey));
        assertEquals(CONNECTED, ws.next());
        return ws;
    }

    /** A socket after a signed connect. */
    static WsClient signedIn(HeraldNode node, String apiKey, String secret) {
        WsClient ws = socket(node);
        ws.send(connect(apiKey, signatureNow(apiKey, secret)));
        assertEquals(CONNECTED, ws.next());
        return ws;
    }

    static WsClient signedIn(HeraldNode node, Organization org) {
        return signedIn(node, org.apiKey(), org.secret());
    }

    static void subscribe(WsClient ws, String orderId) {
        ws.send(subscribeOrder(orderId));
        assertEquals(orderSubscription(orderId, "subscribed"), ws.next());
    }

    static void subscribeOrganization(WsClient ws) {
        ws.send(SUBSCRIBE_ORGANIZATION);
        assertEquals(organizationSubscription("subscribed"), ws.next());
    }

    // --- REST ---

    public static JsonObject createOrder(Gateway node, String apiKey, String reference) {
        String body = reference == null ? "{}" : "{\"reference\":\"" + reference + "\"}";
        HttpJson.Reply reply = new HttpJson(node).post("/orders/api/orders", body, apiKey(apiKey));
        assertEquals(201, reply.status(), reply.body());
        JsonObject order = reply.object();
        assertTrue(order.getString("id").matches("ord_[0-9A-Za-z]{20}"), order.toString());
        return order;
    }

    /** A signed PATCH. */
    public static JsonObject changeStatus(Gateway node, String apiKey, String orderId, String status) {
        HttpJson.Reply reply = patchSigned(node, apiKey, orderId, "{\"status\":\"" + status + "\"}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(status, reply.object().getString("status"));
        return reply.object();
    }

    /** {@code PATCH /orders/api/orders/{id}} with {@code body}, signed. */
    public static HttpJson.Reply patchSigned(Gateway node, String apiKey, String orderId, String body) {
        String path = "/orders/api/orders/" + orderId;
        return new HttpJson(node).patch(path, body, signed(apiKey, "PATCH", path, body));
    }

    /** {@code GET /orders/api/orders}, signed. */
    public static HttpJson.Reply listSigned(Gateway node, String apiKey) {
        return new HttpJson(node).get("/orders/api/orders", signed(apiKey, "GET", "/orders/api/orders", ""));
    }

    /** A new organization with a new key, through the admin API on {@code node}. */
    static Organization newOrganization(HeraldNode node) {
        String id = "it-" + Long.toString(RANDOM.nextLong() >>> 1, 36);
        HttpJson http = new HttpJson(node);
        HttpJson.Reply org = http.post("/orders/api/organizations", "{\"id\":\"" + id + "\",\"name\":\"Test " + id + "\"}", admin());
        assertEquals(201, org.status(), org.body());
        HttpJson.Reply key = http.post("/orders/api/organizations/" + id + "/keys", "", admin());
        assertEquals(201, key.status(), key.body());
        JsonObject issued = key.object();
        assertEquals(id, issued.getString("organization_id"));
        SECRETS.put(issued.getString("api_key"), issued.getString("secret"));
        return new Organization(id, issued.getString("api_key"), issued.getString("secret"));
    }
}
