package io.herald.it.fullserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.herald.it.ExternalBroker;
import io.herald.it.Gateway;
import io.herald.it.HttpJson;
import io.herald.it.PublishFromApplicationIT;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import io.herald.it.orders.OrdersClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/** What both full-server tests share: an empty database, the scripts' environment, the smoke test of every API. */
final class FullServerSmoke {

    private FullServerSmoke() {
    }

    /** The JDBC URL of the full servers' PostgreSQL database, emptied. */
    static String emptyDatabase() throws Exception {
        String pg = System.getenv("HERALD_IT_FULL_PG_URL");
        assertNotNull(pg, "HERALD_IT_FULL_PG_URL: an empty PostgreSQL database for the full servers (.ci/run creates one)");
        try (Connection db = DriverManager.getConnection(pg, System.getenv("HERALD_IT_PG_USER"), System.getenv("HERALD_IT_PG_PASSWORD"));
                var s = db.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        return pg;
    }

    /** The variables both scripts read, as the README lists them. */
    static Map<String, String> scriptEnvironment(String pg, ExternalBroker broker) {
        URI brokerUri = URI.create(broker.url());
        Map<String, String> env = new HashMap<>();
        env.put("HERALD_DB_URL", pg);
        env.put("HERALD_DB_USER", System.getenv("HERALD_IT_PG_USER"));
        env.put("HERALD_DB_PASSWORD", System.getenv("HERALD_IT_PG_PASSWORD"));
        env.put("HERALD_BROKER_HOST", brokerUri.getHost());
        env.put("HERALD_BROKER_PORT", String.valueOf(brokerUri.getPort()));
        if (broker.user() != null) {
            env.put("HERALD_BROKER_USER", broker.user());
            env.put("HERALD_BROKER_PASSWORD", broker.password());
        }
        env.put("HERALD_JWT_KEY_LOCATION", TestTokens.publicKeyFile().toString());
        env.put("HERALD_JWT_ISSUER", TestTokens.ISSUER);
        env.put("HERALD_ORDERS_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        env.put("HERALD_EAR", ear().toString());
        return env;
    }

    /** Runs a script with the environment, its output appended to {@code log}; @return the exit code */
    static int runScript(Path script, Map<String, String> environment, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within 10 minutes; see " + log);
        }
        return p.exitValue();
    }

    /** The EAR as an archive for Arquillian's {@code @Deployment}: both full-server tests deploy it unconfigured first. */
    static org.jboss.shrinkwrap.api.spec.EnterpriseArchive earArchive() {
        return org.jboss.shrinkwrap.api.ShrinkWrap.createFromZipFile(org.jboss.shrinkwrap.api.spec.EnterpriseArchive.class, ear().toFile());
    }

    /** A thread dump of the server JVM with this pid (its threads' names: what a failed deployment may have left running). */
    static String threadDump(long pid) throws Exception {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes());
        p.waitFor(1, java.util.concurrent.TimeUnit.MINUTES);
        return dump;
    }

    static Path ear() {
        return Path.of(System.getProperty("herald.ear", "../ear/target/herald.ear")).toAbsolutePath();
    }

    /**
     * Readiness names Herald's check UP with broker and database connected and delivery live; then a
     * commerce login and event, an inventory notification on a JWT socket, an orders connect and event.
     */
    static void everyApiAnswers(Gateway server, URI readiness, String where) throws Exception {
        String[] step = {"readiness"};
        try {
            everyApiAnswers(server, readiness, where, step);
        } catch (java.io.IOException | RuntimeException e) {
            // a refused connection once failed this in CI without a trace of where: say the step and whether anything listens
            boolean listening;
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", server.port())) {
                listening = true;
            } catch (java.io.IOException refused) {
                listening = false;
            }
            throw new AssertionError(where + ", step " + step[0] + ": " + e + " (port " + server.port() + " listening now: " + listening + ")", e);
        }
    }

    private static void everyApiAnswers(Gateway server, URI readiness, String where, String[] step) throws Exception {
        // the script's last steps restart the HTTP listener (idle timeout, headers): give it a moment
        HttpResponse<String> ready = null;
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (ready == null || ready.statusCode() != 200 && System.nanoTime() < until) {
            try {
                ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException notListeningYet) {
                if (System.nanoTime() > until) {
                    throw notListeningYet;
                }
            }
            if (ready == null || ready.statusCode() != 200) {
                Thread.sleep(500);
            }
        }
        String readyBody = ready.body();
        assertEquals(200, ready.statusCode(), readyBody);
        JsonObject herald = Json.createReader(new StringReader(readyBody)).readObject().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(c -> "herald".equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check named herald in " + readyBody));
        assertEquals("UP", herald.getString("status"), readyBody);
        assertEquals("connected", herald.getJsonObject("data").getString("broker"), readyBody);
        assertEquals("connected", herald.getJsonObject("data").getString("database"), readyBody);

        step[0] = "commerce";
        // commerce: login, a subscriber, a change over REST
        HttpJson http = new HttpJson(server);
        try (WsClient commerce = PublishFromApplicationIT.commerceSubscriber(server)) {
            HttpJson admin = new HttpJson(server);
            assertEquals(200, admin.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
            HttpJson.Reply changed = admin.patch("/commerce/api/orders/1", "{\"status\":\"processing\"}");
            assertEquals(200, changed.status(), changed.body());
            JsonObject event = commerce.expectEvent("order:updated");
            assertEquals("processing", event.getJsonObject("data").getJsonObject("changed_fields").getString("status"));
        }

        step[0] = "inventory";
        // inventory: a notification for alice, on her socket opened with a JWT of the configured key
        String message = "from " + where;
        try (WsClient inventory = WsClient.connect(server.ws("/inventory/api/ws/notification?access_token=" + TestTokens.token("alice")))) {
            HttpJson.Reply created = http.post("/inventory/api/notifications",
                    "{\"user_id\":\"alice\",\"type\":\"info\",\"message\":\"" + message + "\"}",
                    Map.of("Authorization", "Bearer " + TestTokens.token("admin", "admin")));
            assertEquals(201, created.status(), created.body());
            JsonObject note;
            do {
                note = inventory.next();
            } while (!message.equals(note.getString("message", "")));
        }

        step[0] = "orders";
        // orders: connect with the demo key's signature, subscribe to the organization, change an order
        try (WsClient orders = WsClient.connect(server.ws("/orders/ws"))) {
            orders.send(OrdersClient.connect(OrdersClient.ACME_KEY, OrdersClient.signatureNow(OrdersClient.ACME_KEY, OrdersClient.ACME_SECRET)));
            assertEquals("connected", orders.next().getString("type"));
            orders.send(OrdersClient.SUBSCRIBE_ORGANIZATION);
            assertEquals("subscription", orders.next().getString("type"));
            JsonObject order = OrdersClient.createOrder(server, OrdersClient.ACME_KEY, where.replace(' ', '-') + "-" + System.nanoTime());
            OrdersClient.changeStatus(server, OrdersClient.ACME_KEY, order.getString("id"), "processing");
            JsonObject event;
            do {
                event = orders.next();
            } while (!"processing".equals(event.getJsonObject("data").getString("status", "")));
            assertEquals(order.getString("id"), event.getJsonObject("data").getString("order_id"));
        }

        step[0] = "frame over 64 KiB";
        // a frame over 64 KiB closes with 1009 on every server (WildFly's Undertow does not enforce maxMessageSize itself)
        try (WsClient orders = WsClient.connect(server.ws("/orders/ws"))) {
            orders.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(1009, orders.awaitClose().code(), where);
        }
        try (WsClient orders = WsClient.connect(server.ws("/orders/ws"))) {
            orders.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(2_000_000) + "\"}");
            assertEquals(1009, orders.awaitClose().code(), where + ", 2 MB");
        }

        step[0] = "trading bursts";
        // trading: 400 messages right after the handshake, ten times, then the same burst in one write right
        // after the 101 and in the same write as the handshake (on Payara that froze an HTTP thread for
        // good before EarlyFramesFilter: 101, then nothing). Each connection gets its greeting and ends at
        // once, with 1008 and its reason when the close frame is not overtaken by the reset of a client
        // still sending (TCP resets a connection closed with unread data)
        java.util.List<String> ends = new java.util.ArrayList<>();
        for (int run = 0; run < 10; run++) {
            try (WsClient trading = WsClient.connect(server.ws("/trading/ws"),
                    Map.of("Authorization", "Bearer " + TestTokens.token("burst-" + run + "-" + System.nanoTime())))) {
                for (int i = 0; i < 400 && !trading.isClosed(); i++) {
                    try {
                        trading.send("{\"type\":\"ping\"}");
                    } catch (RuntimeException closedMeanwhile) {
                        break;
                    }
                }
                ends.add(trading.awaitEnd().map(c -> c.code() + " " + c.reason()).orElse("reset"));
            }
        }
        java.util.List<String> pings = java.util.Collections.nCopies(400, "{\"type\":\"ping\"}");
        for (int run = 0; run < 10; run++) {
            Map<String, String> auth = Map.of("Authorization", "Bearer " + TestTokens.token("burst-raw-" + run + "-" + System.nanoTime()));
            long started = System.nanoTime();
            java.util.List<String> texts = new java.util.ArrayList<>();
            String end;
            try (io.herald.it.RawWebSocket raw = run % 2 == 0
                    ? io.herald.it.RawWebSocket.open(server, "/trading/ws", auth, pings)
                    : io.herald.it.RawWebSocket.open(server, "/trading/ws", auth)) {
                if (run % 2 == 1) {
                    raw.sendAll(pings);
                }
                end = raw.drainUntilClose(texts)
                        .map(f -> f.closeCode() + " " + new String(f.payload(), 2, f.payload().length - 2, java.nio.charset.StandardCharsets.UTF_8))
                        .orElse("reset");
            }
            long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String label = (run % 2 == 0 ? "with the handshake: " : "after the 101: ") + end + " in " + millis + " ms";
            ends.add(label);
            assertTrue(!texts.isEmpty() && texts.get(0).contains("\"connection\""), where + ", " + label + ": the greeting came");
            assertTrue(millis < 5000, where + ", " + label + ": ended at once");
        }
        System.out.println(where + ": trading bursts ended with " + ends);
        assertTrue(ends.stream().allMatch(e -> e.contains("1008 Rate limit exceeded") || e.contains("reset")), where + ": " + ends);
        assertTrue(ends.stream().anyMatch(e -> e.contains("1008 Rate limit exceeded")), where + ": " + ends);

        step[0] = "operations";
        // operations: the admin API with an admin token, the admin page, an AsyncAPI document
        HttpJson.Reply overview = http.get("/admin/api/overview", Map.of("Authorization", "Bearer " + TestTokens.token("ops", "admin")));
        assertEquals(200, overview.status(), overview.body());
        assertEquals("overview", overview.object().getString("type"), overview.body());
        assertTrue(overview.object().getJsonArray("nodes").size() >= 1, overview.body());
        assertEquals(401, http.get("/admin/api/overview").status());
        assertEquals(200, http.get("/admin/").status());
        HttpJson.Reply document = http.get("/asyncapi/commerce.yaml");
        assertEquals(200, document.status(), document.body());
        assertTrue(document.body().contains("asyncapi: 3.0.0"), document.body());
    }
}
