package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator reads and does on the two-node cluster: Prometheus metrics at {@code /metrics},
 * liveness and readiness, and the MBean {@code io.herald:type=Gateway} over JMX (attached to node
 * A's process as JConsole would): its figures, and its disconnects, which reach node B's
 * connections too, and its maintenance notice.
 */
@ExtendWith(Cluster.class)
class OperationsIT {

    private static final ObjectName GATEWAY = name("io.herald:type=Gateway");
    private static final String DISCONNECTED = "Disconnected by an administrator";

    @Test
    void metricsCountWhatClientsDid() throws Exception {
        HeraldNode a = Cluster.get().nodeA();
        HttpJson http = new HttpJson(a);
        assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        WsClient.Close refused;
        try (WsClient bad = WsClient.connect(a.ws("/inventory/api/ws/notification?access_token=not-a-jwt"))) {
            refused = bad.awaitClose();
        }
        assertEquals(1008, refused.code(), refused.toString());
        try (WsClient ws = WsClient.connect(a.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
            ws.expectType("connected");
            ws.send("{\"type\":\"subscribe\",\"channel\":\"no_such_changes\"}");
            ws.expectType("error");
            ws.send("{\"type\":\"subscribe\",\"channel\":\"customer_changes\"}");
            ws.expectType("subscribed");
            double timedBefore = value(await(a, text -> value(text, "herald_delivery_latency_milliseconds_count", "product=\"commerce\"") >= 0),
                    "herald_delivery_latency_milliseconds_count", "product=\"commerce\"");
            HttpJson.Reply created = http.post("/commerce/api/customers", "{\"email\":\"metrics@example.com\"}");
            assertEquals(201, created.status(), created.body());
            assertEquals("customer:created", ws.expectEvent("customer:created").getString("event"));

            String metrics = await(a, text -> value(text, "herald_deliveries_total", "product=\"commerce\"") >= 1
                    && value(text, "herald_sessions", "product=\"commerce\"") >= 1
                    && value(text, "herald_subscriptions", "channel=\"customer_changes\"", "product=\"commerce\"") >= 1
                    && value(text, "herald_errors_answered_total", "product=\"commerce\"") >= 1
                    && value(text, "herald_handshakes_refused_total", "product=\"inventory\"", "reason=\"invalid_token\"") >= 1
                    // the deliveries of earlier tests may satisfy the counters before this one is exported,
                    // so wait until the latency histogram counts this delivery
                    && value(text, "herald_delivery_latency_milliseconds_count", "product=\"commerce\"") >= timedBefore + 1);
            assertTrue(value(metrics, "herald_handshakes_accepted_total", "product=\"commerce\"") >= 1, metrics);
            assertTrue(value(metrics, "herald_events_received_total") >= 1, metrics);
            assertTrue(metrics.contains("# TYPE herald_delivery_latency_milliseconds histogram"), metrics);
            assertEquals(value(metrics, "herald_delivery_latency_milliseconds_count", "product=\"commerce\""),
                    value(metrics, "herald_delivery_latency_milliseconds_bucket", "product=\"commerce\"", "le=\"+Inf\""), metrics);
            assertTrue(value(metrics, "herald_delivery_latency_milliseconds", "product=\"commerce\"", "quantile=\"0.99\"") >= 0, metrics);
            for (String product : List.of("commerce", "orders", "trading", "pos", "inventory")) {
                for (String reason : List.of("missing_token", "expired_token", "invalid_token", "not_configured", "origin_not_allowed",
                        "forbidden", "unknown_channel", "connection_limit", "rate_limited", "other")) {
                    assertTrue(value(metrics, "herald_handshakes_refused_total", "product=\"" + product + "\"", "reason=\"" + reason + "\"") >= 0,
                            "every refusal label of every product from the start: " + product + " " + reason);
                }
            }
            assertTrue(value(metrics, "herald_outbox_unpublished") >= 0, metrics);
            assertTrue(value(metrics, "herald_send_queue_max", "product=\"commerce\"") >= 0, metrics);
            assertTrue(metrics.contains("# TYPE herald_deliveries_total counter"), metrics);
        }
    }

    @Test
    void livenessAndReadinessNameTheirParts() {
        HttpJson http = new HttpJson(Cluster.get().nodeA());
        HttpJson.Reply live = http.get("/health/live");
        assertEquals(200, live.status(), live.body());
        assertTrue(live.body().contains("\"threads\":\"no deadlock\""), live.body());
        assertTrue(live.body().contains("\"publisher\":\"running\""), live.body());
        assertTrue(live.body().contains("\"senders\":\"running"), live.body());
        HttpJson.Reply ready = http.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"outbox\":\"ok: "), ready.body());
    }

    @Test
    void theMBeanShowsTheFiguresAndDisconnectsOnEveryNode() throws Exception {
        HeraldNode a = Cluster.get().nodeA();
        HeraldNode b = Cluster.get().nodeB();
        try (JMXConnector jmx = attach(a)) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            assertFalse(((String) mbeans.getAttribute(GATEWAY, "NodeName")).isBlank());
            assertTrue(List.of("live", "catching-up").contains(mbeans.getAttribute(GATEWAY, "DeliveryMode")));

            HttpJson http = new HttpJson(a);
            assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"support@example.com\",\"password\":\"support\"}").status());
            try (WsClient commerce = WsClient.connect(a.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
                commerce.expectType("connected");
                commerce.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
                commerce.expectType("subscribed");

                assertTrue((int) mbeans.getAttribute(GATEWAY, "Sessions") >= 1);
                assertTrue(entry((TabularData) mbeans.getAttribute(GATEWAY, "SessionsByProduct"), "commerce") >= 1);
                assertTrue(entry((TabularData) mbeans.getAttribute(GATEWAY, "SubscriptionsByChannel"), "commerce/order_changes") >= 1);
                assertTrue(((Number) mbeans.getAttribute(GATEWAY, "OutboxUnpublished")).longValue() >= 0);
                String[] sessions = (String[]) mbeans.invoke(GATEWAY, "listSessions", new Object[0], new String[0]);
                String line = Arrays.stream(sessions).filter(s -> s.contains(" commerce support@example.com ")).findFirst()
                        .orElseThrow(() -> new AssertionError(Arrays.toString(sessions)));
                assertTrue(line.contains("order_changes"), line);
                String id = line.substring(0, line.indexOf(' '));
                assertEquals(1, mbeans.invoke(GATEWAY, "disconnectSession", new Object[] {id}, new String[] {String.class.getName()}));
                assertEquals(new WsClient.Close(1008, DISCONNECTED), commerce.awaitClose());
            }

            // one user's connections on both nodes, closed by one call on node A
            String token = TestTokens.token("ops-user");
            try (WsClient onA = WsClient.connect(a.ws("/inventory/api/ws/notification?access_token=" + token));
                    WsClient onB = WsClient.connect(b.ws("/inventory/api/ws/notification?access_token=" + token));
                    WsClient other = WsClient.connect(b.ws("/inventory/api/ws/notification?access_token=" + TestTokens.token("bystander")))) {
                for (WsClient ws : List.of(onA, onB, other)) {
                    assertEquals("CONNECTION_ESTABLISHED", ws.next().getString("type"));
                }
                assertEquals(1, mbeans.invoke(GATEWAY, "disconnectUser", new Object[] {"ops-user"}, new String[] {String.class.getName()}));
                assertEquals(new WsClient.Close(1008, DISCONNECTED), onA.awaitClose());
                assertEquals(new WsClient.Close(1008, DISCONNECTED), onB.awaitClose(), "node B closed its connection of the user too");
                assertFalse(other.isClosed(), "another user stays connected");
            }

            // the maintenance notice reaches trading clients on both nodes
            try (WsClient tradingA = WsClient.connect(a.ws("/trading/ws"), Map.of("Authorization", "Bearer " + TestTokens.token("trader-a")));
                    WsClient tradingB = WsClient.connect(b.ws("/trading/ws"), Map.of("Authorization", "Bearer " + TestTokens.token("trader-b")))) {
                tradingA.next();
                tradingB.next();
                String[] text = {String.class.getName(), String.class.getName(), String.class.getName()};
                String data = (String) mbeans.invoke(GATEWAY, "broadcastNotice", new Object[] {"Upgrade at noon", "", ""}, text);
                assertTrue(data.contains("\"message\":\"Upgrade at noon\""), data);
                for (WsClient ws : List.of(tradingA, tradingB)) {
                    JsonObject notice = ws.expectType("server_maintenance");
                    assertEquals("Upgrade at noon", notice.getJsonObject("data").getString("message"));
                    assertFalse(notice.getJsonObject("data").getBoolean("scheduled"));
                }
                Exception invalid = assertThrows(Exception.class, () -> mbeans.invoke(GATEWAY, "broadcastNotice", new Object[] {"", "", ""}, text));
                assertTrue(messages(invalid).contains("message must be 1 to 500 characters"), messages(invalid));
                Exception badTime = assertThrows(Exception.class,
                        () -> mbeans.invoke(GATEWAY, "broadcastNotice", new Object[] {"x", "tomorrow", ""}, text));
                assertTrue(messages(badTime).contains("startTime must be an ISO-8601 instant"), messages(badTime));

                // the admin API's notice, with an admin token: the same rule, a window given in full
                Map<String, String> admin = Map.of("Authorization", "Bearer " + TestTokens.token("ops-admin", "admin"));
                HttpJson onB = new HttpJson(b);
                HttpJson.Reply wrong = onB.post("/admin/api/notice", "{\"message\":\"x\",\"endTime\":\"soon\"}", admin);
                assertEquals(400, wrong.status(), wrong.body());
                assertEquals("endTime must be an ISO-8601 instant such as 2026-12-03T10:00:00Z", wrong.object().getString("message"));
                assertEquals(403, onB.post("/admin/api/notice", "{\"message\":\"x\"}",
                        Map.of("Authorization", "Bearer " + TestTokens.token("not-admin"))).status());
                HttpJson.Reply sent = onB.post("/admin/api/notice",
                        "{\"message\":\"Window\",\"startTime\":\"2099-01-01T02:00:00Z\",\"endTime\":\"2099-01-01T04:00:00Z\"}", admin);
                assertEquals(202, sent.status(), sent.body());
                for (WsClient ws : List.of(tradingA, tradingB)) {
                    JsonObject notice = ws.expectType("server_maintenance");
                    assertEquals("Window", notice.getJsonObject("data").getString("message"));
                    assertTrue(notice.getJsonObject("data").getBoolean("scheduled"));
                }
            }
        }
    }

    /** JConsole's way in: attach to the process and start its local management agent. */
    private static JMXConnector attach(HeraldNode node) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(node.pid()));
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        } finally {
            vm.detach();
        }
    }

    private static long entry(TabularData table, String key) {
        for (Object row : table.values()) {
            CompositeData data = (CompositeData) row;
            if (key.equals(data.get("key"))) {
                return ((Number) data.get("value")).longValue();
            }
        }
        return -1;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
            if (t instanceof MBeanException m && m.getTargetException() != null && m.getTargetException() != t.getCause()) {
                all.append(m.getTargetException().getMessage()).append(" | ");
            }
        }
        return all.toString();
    }

    /** {@code /metrics} once it satisfies {@code ready} (Herald updates the registry once a second). */
    private static String await(HeraldNode node, Predicate<String> ready) throws InterruptedException {
        HttpJson http = new HttpJson(node);
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        String text = "";
        while (Instant.now().isBefore(until)) {
            HttpJson.Reply reply = http.get("/metrics");
            text = reply.body();
            if (reply.status() == 200 && ready.test(text)) {
                return text;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("/metrics did not show the figures within 10 s:\n"
                + text.lines().filter(l -> l.startsWith("herald_")).reduce("", (x, y) -> x + y + "\n"));
    }

    /** The value of the first sample of {@code metric} whose labels contain all of {@code labels}, or -1. */
    static double value(String text, String metric, String... labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(text);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return -1;
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
