package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command with nothing configured: embedded broker, embedded H2, demo data.
 * Two instances run side by side without colliding or clustering, each with its own broker and database,
 * and each stops cleanly on SIGTERM.
 */
class EmbeddedDefaultIT {

    @Test
    void twoEmbeddedInstancesRunSideBySideAndServeTheDemoLogin() throws Exception {
        try (HeraldNode first = HeraldNode.start("embedded-1", Map.of());
             HeraldNode second = HeraldNode.start("embedded-2", Map.of())) {
            for (HeraldNode node : new HeraldNode[] {first, second}) {
                HttpJson http = new HttpJson(node);
                assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
                try (WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
                    assertEquals("connected", ws.next().getString("type"));
                    ws.send("{\"type\":\"subscribe\",\"channel\":\"product_changes\"}");
                    assertEquals("subscribed", ws.next().getString("type"));
                    HttpJson.Reply created = http.post("/commerce/api/products", "{\"name\":\"Demo\",\"sku\":\"DEMO-" + node.name() + "\",\"price\":1.5}");
                    assertEquals(201, created.status(), created.body());
                    JsonObject event = ws.next();
                    assertEquals("product:created", event.getString("event"));
                    assertEquals(created.object(), event.getJsonObject("data"));
                }
            }
            // `java -jar herald.jar listen commerce` as a new user runs it: each frame is one line of JSON on its stdout
            Path jar = Path.of(System.getProperty("herald.jar", "../server-config/target/herald.jar")).toAbsolutePath();
            Process listen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                    "listen", "commerce", "customer_changes", "--url", "http://127.0.0.1:" + first.port())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader lines = listen.inputReader()) {
                assertEquals("connected", line(lines).getString("type"));
                assertEquals("subscribed", line(lines).getString("type"));
                HttpJson http = new HttpJson(first);
                assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
                assertEquals(201, http.post("/commerce/api/customers", "{\"email\":\"listen@example.com\"}").status());
                JsonObject event = line(lines);
                assertEquals("customer:created", event.getString("event"));
                assertEquals("listen@example.com", event.getJsonObject("data").getString("email"));
            } finally {
                listen.destroy();
            }
            // the demo key: tokens from `java -jar herald.jar token` work, and alice's demo products fill her inbox
            HttpJson.Reply scan = new HttpJson(first).post("/inventory/api/products/expiry-scan", "",
                    Map.of("Authorization", "Bearer " + HeraldNode.demoToken("admin", "--groups", "admin")));
            assertEquals(200, scan.status(), scan.body());
            try (WsClient ws = WsClient.connect(first.ws("/inventory/api/ws/notification?access_token=" + HeraldNode.demoToken("alice")))) {
                assertEquals("alice", ws.next().getString("userId"));
                assertEquals(List.of("Product expires in 2 days", "Product expires in 1 day", "Product expired on " + LocalDate.now(ZoneOffset.UTC).minusDays(1)),
                        List.of(ws.next().getString("message"), ws.next().getString("message"), ws.next().getString("message")));
            }
            // point of sale: demo tables at loc-xyz789, and a demo user with rights for that location only
            String sarah = HeraldNode.demoToken("user-sarah", "--groups", "tables.read,pos.write", "--locations", "loc-xyz789");
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + sarah);
            HttpJson.Reply tables = new HttpJson(first).get("/pos/v1/api/tables?location_id=loc-xyz789", bearer);
            assertEquals(200, tables.status(), tables.body());
            assertEquals(6, tables.json().asJsonArray().size());
            assertEquals(403, new HttpJson(first).get("/pos/v1/api/tables?location_id=loc-abc456", bearer).status());
            try (WsClient pos = WsClient.connect(first.ws("/pos/v1/ws"), bearer)) {
                pos.send("{\"type\":\"subscribe\",\"id\":1,\"channel\":\"tables\",\"params\":{\"location_id\":\"loc-xyz789\"}}");
                assertEquals(true, pos.next().getBoolean("success"));
                String table = tables.json().asJsonArray().getJsonObject(0).getString("table_id");
                assertEquals(200, new HttpJson(first).post("/pos/v1/api/tables/" + table + "/seat", "{\"party_size\":2}", bearer).status());
                JsonObject seated = pos.next();
                assertEquals("table.seated", seated.getString("event"));
                assertEquals(table, seated.getJsonObject("data").getString("table_id"));
            }
            for (HeraldNode node : new HeraldNode[] {first, second}) {
                String log = node.logText();
                String start = log.substring(0, Math.max(0, log.indexOf("Stop with Ctrl-C.")));
                List<String> warnings = start.lines().filter(line -> line.startsWith("WARNING") || line.startsWith("SEVERE")
                                || line.contains("WARNING]") || line.contains("SEVERE]"))
                        .filter(line -> !line.startsWith("WARNING: The admin page accepts the demo sign-in admin/admin")).toList();
                assertEquals(List.of(), warnings, node.name() + ": a clean start warns of nothing but the demo sign-in");
                for (String socket : List.of("/commerce/ws", "/inventory/api/ws/notification", "/orders/ws", "/pos/v1/ws", "/trading/ws")) {
                    assertTrue(start.contains(node.ws(socket).toString()), node.name() + ": the banner lists " + socket);
                }
                assertTrue(start.contains("WARNING: demo sign-in admin/admin"), "the banner warns of the demo sign-in");
                HttpJson.Reply landing = new HttpJson(node).get("/");
                assertEquals(200, landing.status());
                assertTrue(landing.body().contains(node.ws("/trading/ws").toString()), landing.body());
                assertFalse(log.contains("AMQ6015"), node.name() + ": the embedded broker's per-message audit lines are off");
                assertFalse(node.logText().matches("(?s).*Members \\{size:[2-9].*"), node.name() + " joined another instance's data grid");
            }
            first.terminate();
            first.awaitExit(Duration.ofSeconds(60));
            assertFalse(first.isAlive());
            String shutdown = first.logText();
            assertFalse(shutdown.contains("did not stop cleanly") || shutdown.contains("NoClassDefFoundError"), "SIGTERM stops cleanly");
            assertEquals(200, new HttpJson(second).get("/health/ready").status(), "the other instance is unaffected");
        }
    }

    @Test
    void anApplicationThatFailsToDeployStopsTheLauncherWithExitCode1() throws Exception {
        // a key-encryption key that is not Base64 of 32 bytes fails the application's deployment
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> HeraldNode.start("embedded-bad-config", Map.of("HERALD_ORDERS_SECRET_KEY", "not-a-key")));
        assertTrue(failed.getMessage().contains("exited with 1 before it was ready"), failed.getMessage());
        String log = Files.readString(Path.of(System.getProperty("herald.it.logs", "target/it-logs"), "embedded-bad-config.log"));
        assertTrue(log.contains("Herald failed to start: java.lang.IllegalStateException: the Herald application did not deploy"), "the log says why");
    }

    /** The next line a {@code listen} process printed, as JSON (at most {@link WsClient#WAIT} later). */
    private static JsonObject line(BufferedReader lines) throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(WsClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(line != null, "listen ended early");
        return Json.createReader(new StringReader(line)).readObject();
    }
}
