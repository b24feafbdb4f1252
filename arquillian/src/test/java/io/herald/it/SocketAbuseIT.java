package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.pos.PosSocketIT;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23's socket attacks against one herald.jar, each with the refusal it must get: a page of
 * another site opening {@code /commerce/ws} with the user's cookie, floods of invalid messages on
 * every product's socket (while a well-behaved client on the node keeps receiving), a
 * point-of-sale user notifying a user of another location, and unbounded presence joins. The
 * limits are lowered through the environment so that each flood is short.
 */
@LongRun
class SocketAbuseIT {

    private static final int BURST = 40;
    private static final int CLOSE_AFTER = 20;
    private static final int TRADING_BURST = 40;
    private static final int TRADING_CLOSE_AFTER = 50;
    private static final int PRESENCE_LIMIT = 3;
    private static final String ALLOWED = "https://shop.example";

    private static HeraldNode node;

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>(TestTokens.serverEnvironment());
        // a token every 2 s: a flood's messages past the burst are all refused
        env.put("HERALD_SOCKET_RATE_LIMIT_PER_SECOND", "0.5");
        env.put("HERALD_SOCKET_RATE_LIMIT_BURST", String.valueOf(BURST));
        env.put("HERALD_SOCKET_RATE_LIMIT_CLOSE_AFTER", String.valueOf(CLOSE_AFTER));
        env.put("HERALD_POS_PRESENCE_LIMIT", String.valueOf(PRESENCE_LIMIT));
        env.put("HERALD_HTTP_ALLOWED_ORIGINS", ALLOWED + ", http://other.example:8081");
        node = HeraldNode.start("socket-abuse", env);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static HttpJson commerceLogin() {
        HttpJson http = new HttpJson(node);
        assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        return http;
    }

    @Test
    void framesSentWithTheHandshakeAreServedAndDoNotTieUpTheServersThreads() throws Exception {
        // Tyrus' upgrade handler used to wait for itself on the HTTP thread when frames were already
        // there (EarlyFramesFilter): the client heard nothing more and the thread was gone for good
        List<String> pings = java.util.Collections.nCopies(400, "{\"type\":\"ping\"}");
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, String> auth = Map.of("Authorization", "Bearer " + TestTokens.token("early-" + i + "-" + System.nanoTime()));
            long started = System.nanoTime();
            try (RawWebSocket raw = RawWebSocket.open(node, "/trading/ws", auth, pings)) {
                List<String> texts = RawWebSocket.newList();
                Optional<RawWebSocket.Frame> close = raw.drainUntilClose(texts);
                assertTrue(!texts.isEmpty() && texts.get(0).contains("\"type\":\"connection\""), texts::toString);
                assertTrue(System.nanoTime() - started < java.util.concurrent.TimeUnit.SECONDS.toNanos(5), "ended at once");
                // the close frame, unless the reset of a connection closed with unread frames overtook it
                ends.add(close.map(f -> f.closeCode() + " " + new String(f.payload(), 2, f.payload().length - 2,
                        java.nio.charset.StandardCharsets.UTF_8)).orElse("reset"));
            }
        }
        assertTrue(ends.stream().allMatch(e -> e.equals("1008 Rate limit exceeded") || e.equals("reset")), ends::toString);
        assertTrue(ends.contains("1008 Rate limit exceeded"), ends::toString);
        try (WsClient calm = WsClient.connect(node.ws("/trading/ws"), Map.of("Authorization", "Bearer " + TestTokens.token("calm-trader")))) {
            assertEquals("connection", calm.next().getString("type"), "the server still takes new sockets");
        }
        assertEquals(200, new HttpJson(node).get("/health/ready").status());
    }

    @Test
    void theCommerceSocketRefusesPagesOfOtherSitesEvenWithTheUsersCookie() {
        HttpJson http = commerceLogin();
        String cookie = http.cookieHeader();
        String own = "http://127.0.0.1:" + node.port();
        for (String foreign : List.of("http://evil.example", "http://127.0.0.1:" + (node.port() + 1), "null", "https://shop.example.evil.example")) {
            try (WsClient hijack = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", cookie, "Origin", foreign))) {
                assertEquals(new WsClient.Close(1008, "Origin not allowed"), hijack.awaitClose(), foreign);
            }
        }
        for (String allowed : List.of(own, ALLOWED, "http://other.example:8081")) {
            try (WsClient page = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", cookie, "Origin", allowed))) {
                assertEquals("connected", page.next().getString("type"), allowed);
            }
        }
        try (WsClient script = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", cookie))) {
            assertEquals("connected", script.next().getString("type"), "no Origin: not a browser");
        }
        // the admin page's socket has the same rule
        String admin = TestTokens.token("root", "admin");
        try (WsClient hijack = WsClient.connect(node.ws("/admin/ws"), Map.of("Authorization", "Bearer " + admin, "Origin", "http://evil.example"))) {
            assertEquals(new WsClient.Close(1008, "Origin not allowed"), hijack.awaitClose());
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.http("/commerce/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"admin@example.com\",\"password\":\"admin\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        List<String> session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertFalse(session.isEmpty(), login.headers().map().toString());
        for (String cookie : session) {
            String lower = cookie.toLowerCase(Locale.ROOT).replace(" ", "");
            assertTrue(lower.contains(";httponly"), cookie);
            assertTrue(lower.contains(";samesite=lax"), cookie);
            assertFalse(lower.contains(";secure"), "plain HTTP: " + cookie);
        }
    }

    /** Sends {@code count} times {@code text} (stopping early if the server ends the connection); @return how the connection ended */
    private static Optional<WsClient.Close> flood(WsClient ws, String text, int count) {
        for (int i = 0; i < count && !ws.isClosed(); i++) {
            try {
                ws.send(text);
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
        }
        return ws.awaitEnd();
    }

    @Test
    void aFloodOfInvalidMessagesClosesEveryProductsSocketWith1008WhileAWellBehavedClientKeepsReceiving() throws Exception {
        String loc = "loc-calm-" + System.nanoTime();
        String calm = "calm-" + System.nanoTime();
        try (WsClient listener = PosSocketIT.connect(node, PosSocketIT.token(calm, List.of(loc), "notifications.read"))) {
            assertTrue(PosSocketIT.request(listener, "{'type':'subscribe','id':'n','channel':'notifications','params':{'user_id':'" + calm + "'}}")
                    .getBoolean("success"));

            HttpJson http = commerceLogin();
            List<WsClient> floods = new ArrayList<>();
            floods.add(WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader())));
            floods.add(WsClient.connect(node.ws("/inventory/api/ws/notification?access_token=" + TestTokens.token("flood-" + System.nanoTime()))));
            floods.add(WsClient.connect(node.ws("/orders/ws"))); // never authenticated
            floods.add(PosSocketIT.connect(node, PosSocketIT.token("flood-pos", List.of(loc), "orders.read")));
            WsClient trading = WsClient.connect(node.ws("/trading/ws"), Map.of("Authorization", "Bearer " + TestTokens.token("flood-trader")));
            assertEquals("connection", trading.next().getString("type"));
            List<String> products = List.of("commerce", "inventory", "orders", "pos", "trading");
            floods.add(trading);
            try {
                for (int i = 0; i < floods.size(); i++) {
                    WsClient ws = floods.get(i);
                    String product = products.get(i);
                    int count = products.get(i).equals("trading") ? TRADING_BURST + TRADING_CLOSE_AFTER + 10 : BURST + CLOSE_AFTER + 5;
                    // invalid messages, except pings on the point-of-sale socket: their pongs are not errors, so the
                    // error budget is left for the rate limit's own answers
                    String text = products.get(i).equals("pos") ? "{\"type\":\"ping\"}" : "garbage";
                    Optional<WsClient.Close> end = flood(ws, text, count);
                    // the close frame follows the answers queued before it; a reset can overtake it only
                    // if the server closed with frames of ours unread
                    end.ifPresent(close -> assertEquals(new WsClient.Close(1008, "Rate limit exceeded"), close, product));
                    assertTrue(ws.isClosed(), product);
                }
                List<String> posAnswers = new ArrayList<>();
                while (floods.get(3).pending() > 0) {
                    JsonObject answer = floods.get(3).next();
                    posAnswers.add(answer.getString("code", answer.getString("type")));
                }
                assertTrue(posAnswers.contains("rate_limit_exceeded"), posAnswers::toString);
            } finally {
                floods.forEach(WsClient::close);
            }

            Map<String, String> cashier = Map.of("Authorization", "Bearer " + PosSocketIT.token("cashier", List.of(loc), "pos.write"));
            HttpJson.Reply sent = new HttpJson(node).post("/pos/v1/api/notifications",
                    "{\"user_id\":\"" + calm + "\",\"kind\":\"message\",\"message\":\"still here?\"}", cashier);
            assertEquals(201, sent.status(), sent.body());
            JsonObject got = listener.next();
            assertEquals("notification.message", got.getString("event"), got.toString());
            assertEquals("still here?", got.getJsonObject("data").getString("message"));
        }
    }

    @Test
    void aPointOfSaleUserNotifiesOnlyUsersOfTheirLocations() {
        String mine = "loc-mine-" + System.nanoTime();
        String theirs = "loc-theirs-" + System.nanoTime();
        String colleague = "colleague-" + System.nanoTime();
        String stranger = "stranger-" + System.nanoTime();
        String manager = "manager-" + System.nanoTime();
        Map<String, String> cashier = Map.of("Authorization", "Bearer " + PosSocketIT.token("cashier", List.of(mine), "pos.write"));
        Map<String, String> boss = Map.of("Authorization", "Bearer " + PosSocketIT.token("boss", List.of("*"), "pos.write"));
        HttpJson http = new HttpJson(node);
        try (WsClient near = PosSocketIT.connect(node, PosSocketIT.token(colleague, List.of(mine, theirs), "notifications.read"));
                WsClient far = PosSocketIT.connect(node, PosSocketIT.token(stranger, List.of(theirs), "notifications.read"));
                WsClient everywhere = PosSocketIT.connect(node, PosSocketIT.token(manager, List.of("*"), "notifications.read"))) {
            for (String[] who : new String[][] {{colleague, "a"}, {stranger, "b"}, {manager, "c"}}) {
                WsClient ws = who[0].equals(colleague) ? near : who[0].equals(stranger) ? far : everywhere;
                assertTrue(PosSocketIT.request(ws, "{'type':'subscribe','id':'" + who[1] + "','channel':'notifications','params':{'user_id':'" + who[0] + "'}}")
                        .getBoolean("success"));
            }

            HttpJson.Reply refused = http.post("/pos/v1/api/notifications",
                    "{\"user_id\":\"" + stranger + "\",\"kind\":\"alert\",\"message\":\"Send me your PIN\"}", cashier);
            assertEquals(403, refused.status(), refused.body());
            assertEquals("error", refused.object().getString("type"));
            HttpJson.Reply unknown = http.post("/pos/v1/api/notifications",
                    "{\"user_id\":\"nobody-" + System.nanoTime() + "\",\"kind\":\"alert\",\"message\":\"hi\"}", cashier);
            assertEquals(403, unknown.status(), "a user Herald has never seen is nobody's colleague");
            HttpJson.Reply otherLocation = http.post("/pos/v1/api/notifications",
                    "{\"user_id\":\"" + colleague + "\",\"kind\":\"alert\",\"message\":\"hi\",\"location_id\":\"" + theirs + "\"}", cashier);
            assertEquals(403, otherLocation.status(), "a location of another");

            assertEquals(201, http.post("/pos/v1/api/notifications",
                    "{\"user_id\":\"" + colleague + "\",\"kind\":\"alert\",\"message\":\"Freezer warm\",\"location_id\":\"" + mine + "\"}", cashier).status());
            assertEquals(201, http.post("/pos/v1/api/notifications",
                    "{\"user_id\":\"" + manager + "\",\"kind\":\"message\",\"message\":\"Need you\"}", cashier).status(), "the manager of every location");
            assertEquals(201, http.post("/pos/v1/api/notifications",
                    "{\"user_id\":\"" + stranger + "\",\"kind\":\"message\",\"message\":\"From head office\"}", boss).status(), "a sender of every location");

            assertEquals("Freezer warm", near.next().getJsonObject("data").getString("message"));
            assertEquals("Need you", everywhere.next().getJsonObject("data").getString("message"));
            assertEquals("From head office", far.next().getJsonObject("data").getString("message"), "the refused alert never came");
        }
    }

    @Test
    void presenceJoinsBeyondTheLimitAreRefused() {
        List<String> locations = List.of("p1-" + System.nanoTime(), "p2-" + System.nanoTime(), "p3-" + System.nanoTime(), "p4-" + System.nanoTime());
        try (WsClient ws = PosSocketIT.connect(node, PosSocketIT.token("joiner", locations, "orders.read"))) {
            for (int i = 0; i < PRESENCE_LIMIT; i++) {
                JsonObject joined = PosSocketIT.request(ws, "{'type':'presence_join','id':'j" + i + "','channel':'orders','params':{'location_id':'"
                        + locations.get(i) + "'}}");
                assertFalse("error".equals(joined.getString("type")), joined.toString());
            }
            JsonObject refused = PosSocketIT.request(ws, "{'type':'presence_join','id':'j9','channel':'orders','params':{'location_id':'"
                    + locations.get(PRESENCE_LIMIT) + "'}}");
            assertEquals("error", refused.getString("type"));
            assertEquals("presence_limit", refused.getString("code"));
            assertEquals(PRESENCE_LIMIT, refused.getInt("current"));
            assertEquals(PRESENCE_LIMIT, refused.getInt("limit"));
            JsonObject again = PosSocketIT.request(ws, "{'type':'presence_join','id':'j0','channel':'orders','params':{'location_id':'"
                    + locations.get(0) + "'},'user_info':{'name':'Sam'}}");
            assertFalse("error".equals(again.getString("type")), "joined already: an update " + again);
            JsonObject left = PosSocketIT.request(ws, "{'type':'presence_leave','id':'l','channel':'orders','params':{'location_id':'" + locations.get(0) + "'}}");
            assertFalse("error".equals(left.getString("type")), left.toString());
            JsonObject room = PosSocketIT.request(ws, "{'type':'presence_join','id':'j4','channel':'orders','params':{'location_id':'"
                    + locations.get(PRESENCE_LIMIT) + "'}}");
            assertFalse("error".equals(room.getString("type")), "room again after a leave " + room);
        }
    }
}
