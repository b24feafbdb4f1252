package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The perimeter of herald.jar, attacked as issue 23 did: demo tokens with demo mode off, half-sent
 * requests by the hundred, a local process on the embedded broker's port, the Server header and
 * /openapi, and listeners on every interface. One server per configuration.
 */
@LongRun
class PerimeterIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** The demo defaults, with a short idle timeout and a low connection cap so that both show in a test. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DemoMode {

        static final int IDLE_SECONDS = 10;
        static final int MAX_CONNECTIONS = 350;
        static final int SLOW = 300;

        HeraldNode node;

        @BeforeAll
        void start() {
            node = HeraldNode.start("perimeter-demo", Map.of(
                    "HERALD_HTTP_IDLE_TIMEOUT_SECONDS", String.valueOf(IDLE_SECONDS),
                    "HERALD_HTTP_MAX_CONNECTIONS", String.valueOf(MAX_CONNECTIONS)));
        }

        @AfterAll
        void stop() {
            node.close();
        }

        @Test
        void everyListenerIsOnLoopbackOnly() throws IOException {
            List<Listener> listeners = Listener.of(node.pid());
            assertTrue(listeners.contains(new Listener("127.0.0.1", node.port())), "HTTP on 127.0.0.1: " + listeners);
            for (Listener listener : listeners) {
                assertEquals("127.0.0.1", listener.address(), "every listening socket on loopback: " + listeners);
            }
            int broker = brokerPort(node);
            assertTrue(listeners.contains(new Listener("127.0.0.1", broker)), "the broker: " + listeners);
            // HTTP, the broker and Payara's data grid (Hazelcast, on a port of its own): nothing else (no ORB, JMX, admin)
            int grid = gridPort(node);
            for (Listener listener : listeners) {
                assertTrue(listener.port() == node.port() || listener.port() == broker || listener.port() == grid,
                        "an unexpected listener: " + listener + " among " + listeners);
            }
            assertTrue(node.logText().contains("listening: 127.0.0.1 only"), "the banner says where it listens");
        }

        @Test
        void noServerHeaderAndNoOpenApi() throws Exception {
            for (String path : List.of("/health/ready", "/no/such/page", "/commerce/api/products")) {
                HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(node.http(path)).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(reply.headers().firstValue("Server").isEmpty(), path + ": " + reply.headers().map());
                assertTrue(reply.headers().firstValue("X-Powered-By").isEmpty(), path + ": " + reply.headers().map());
            }
            HttpResponse<String> openApi = HTTP.send(HttpRequest.newBuilder(node.http("/openapi")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(openApi.statusCode() == 403 || openApi.statusCode() == 404, openApi.statusCode() + " " + openApi.body());
            assertFalse(openApi.body().contains("openapi:"), "no document: " + openApi.body());
        }

        @Test
        void theEmbeddedBrokerRefusesAnyoneButHerald() throws Exception {
            String url = "tcp://127.0.0.1:" + brokerPort(node) + "?reconnectAttempts=0&initialConnectAttempts=1";
            try (ActiveMQConnectionFactory anonymous = new ActiveMQConnectionFactory(url)) {
                assertThrows(JMSSecurityException.class, () -> anonymous.createConnection().close(), "no credentials");
                assertThrows(JMSSecurityException.class, () -> anonymous.createConnection("herald", "guess").close(), "a wrong password");
                assertThrows(JMSSecurityException.class, () -> anonymous.createConnection("guest", "guest").close(), "no guest");
                // the broker's internal cluster user with Artemis's public default password
                JMSException cluster = assertThrows(JMSException.class,
                        () -> anonymous.createConnection("ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!").close());
                assertTrue(cluster instanceof JMSSecurityException, cluster.toString());
            }
            // Herald itself still sends and receives through it: login, subscribe, create, the event arrives
            HttpJson http = new HttpJson(node);
            assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
            try (WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
                ws.expectType("connected");
                ws.send("{\"type\":\"subscribe\",\"channel\":\"customer_changes\"}");
                ws.expectType("subscribed");
                assertEquals(201, http.post("/commerce/api/customers", "{\"email\":\"perimeter-broker@example.com\"}").status());
                assertEquals("customer:created", ws.next().getString("event"));
            }
        }

        @Test
        void halfSentRequestsAreClosedWhileClientsAndSocketsAreServed() throws Exception {
            HttpJson http = new HttpJson(node);
            assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
            List<Socket> slow = new ArrayList<>();
            try (WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
                ws.expectType("connected");
                for (int i = 0; i < SLOW; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
                    socket.getOutputStream().write(("GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    slow.add(socket);
                }
                // while they hang: readiness answers, a new socket opens
                for (int i = 0; i < 5; i++) {
                    assertEquals(200, http.get("/health/ready").status());
                }
                try (WsClient second = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", http.cookieHeader()))) {
                    second.expectType("connected");
                }
                // over the cap, new connections are closed at once; clients get in again once the slow ones are gone
                List<Socket> excess = new ArrayList<>();
                for (int i = 0; i < MAX_CONNECTIONS - SLOW + 20; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
                    excess.add(socket);
                }
                awaitLog(node, "HTTP connection cap reached");
                int closedByServer = awaitAllClosed(slow) + awaitAllClosed(excess);
                assertEquals(slow.size() + excess.size(), closedByServer, "the server closed every silent connection");
                // the first socket has been idle far longer than the idle timeout: still open, still served
                assertFalse(ws.isClosed(), "an idle WebSocket is not closed by the HTTP idle timeout");
                ws.send("{\"type\":\"subscribe\",\"channel\":\"customer_changes\"}");
                ws.expectType("subscribed");
                assertEquals(201, http.post("/commerce/api/customers", "{\"email\":\"perimeter-slow@example.com\"}").status());
                assertEquals("customer:created", ws.next().getString("event"));
                assertEquals(200, http.get("/health/ready").status());
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }

        @Test
        void demoTokensWorkInDemoMode() {
            String admin = HeraldNode.demoToken("mallory", "--groups", "admin");
            assertEquals(200, new HttpJson(node).get("/orders/api/organizations", Map.of("Authorization", "Bearer " + admin)).status());
        }
    }

    /** Demo mode off and no key configured: a demo-signed admin token is refused everywhere. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DemoModeOffWithoutKey {

        HeraldNode node;

        @BeforeAll
        void start() {
            node = HeraldNode.start("perimeter-no-key", Map.of("HERALD_DEMO_ENABLED", "false"));
        }

        @AfterAll
        void stop() {
            node.close();
        }

        @Test
        void everyTokenIsRefusedAndTheStartupSaysSo() throws Exception {
            String admin = HeraldNode.demoToken("mallory", "--groups", "admin");
            HttpJson http = new HttpJson(node);
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + admin);
            HttpJson.Reply organizations = http.post("/orders/api/organizations", "{\"id\":\"mallory-org\",\"name\":\"x\"}", bearer);
            assertEquals(401, organizations.status(), organizations.body());
            assertEquals("Token verification is not configured on the server", organizations.object().getString("message"));
            assertEquals(401, http.get("/orders/api/organizations", bearer).status());
            assertEquals(401, http.get("/admin/api/overview", bearer).status());
            assertEquals(401, http.get("/orders/api/organizations", Map.of("Authorization", "Bearer " + TestTokens.token("admin", "admin"))).status());
            try (WsClient ws = WsClient.connect(node.ws("/inventory/api/ws/notification?access_token=" + admin))) {
                assertEquals(new WsClient.Close(1008, "Token verification is not configured on the server"), ws.awaitClose());
            }
            String log = node.logText();
            assertTrue(log.contains("JWT:       NO KEY: demo mode is off and no key is configured"), "the banner says so");
            assertTrue(log.contains("No JWT verification key is configured"), "the verifier says so at startup");
        }

        @Test
        void outsideDemoModeEveryInterfaceByDefault() throws IOException {
            List<Listener> listeners = Listener.of(node.pid());
            assertTrue(listeners.contains(new Listener("0.0.0.0", node.port())) || listeners.contains(new Listener("::", node.port())),
                    "HTTP on every interface: " + listeners);
        }
    }

    @Test
    void theTokenCommandWarnsWhereItsTokenIsUseless() throws Exception {
        Path jar = Path.of(System.getProperty("herald.jar", "../server-config/target/herald.jar")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "token", "mallory", "--groups", "admin");
        builder.environment().keySet().removeIf(k -> k.startsWith("HERALD_") || k.startsWith("MP_JWT_"));
        builder.environment().put("HERALD_DEMO_ENABLED", "false");
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());
        assertTrue(err.contains("refuses every token"), err);
    }

    /** The port from "Embedded Artemis broker listening on 127.0.0.1:<port>" in the node's log. */
    static int brokerPort(HeraldNode node) throws IOException {
        Matcher m = Pattern.compile("Embedded Artemis broker listening on 127\\.0\\.0\\.1:(\\d+)").matcher(node.logText());
        if (!m.find()) {
            fail("no broker port in the log");
        }
        return Integer.parseInt(m.group(1));
    }

    static int gridPort(HeraldNode node) throws IOException {
        Matcher m = Pattern.compile("data grid \\(Hazelcast\\) listens on 127\\.0\\.0\\.1:(\\d+)").matcher(node.logText());
        if (!m.find()) {
            fail("no data grid port in the log");
        }
        return Integer.parseInt(m.group(1));
    }

    static void awaitLog(HeraldNode node, String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!node.logText().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                fail("not in the log within " + DEADLINE + ": " + text);
            }
            // poll interval
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Waits until the server has closed each socket (end of stream or reset); @return how many it closed */
    static int awaitAllClosed(List<Socket> sockets) throws IOException {
        Instant deadline = Instant.now().plus(DEADLINE);
        int closed = 0;
        for (Socket socket : sockets) {
            socket.setSoTimeout(250);
            InputStream in = socket.getInputStream();
            while (true) {
                try {
                    int read = in.read(new byte[512]);
                    if (read < 0) {
                        closed++;
                        break;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    if (Instant.now().isAfter(deadline)) {
                        return closed;
                    }
                } catch (SocketException reset) {
                    closed++;
                    break;
                }
            }
            socket.close();
        }
        return closed;
    }

    /** A listening TCP socket of a process, read from /proc (IPv4-mapped addresses shown as IPv4). */
    record Listener(String address, int port) {

        static List<Listener> of(long pid) throws IOException {
            Set<String> inodes = new HashSet<>();
            try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException | UncheckedIOException closedMeanwhile) {
                        // the descriptor went away while listing
                    }
                }
            }
            List<Listener> listeners = new ArrayList<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    // f[1] local address:port (hex), f[3] state (0A = LISTEN), f[9] inode
                    if (f[3].equals("0A") && inodes.contains(f[9])) {
                        String[] local = f[1].split(":");
                        listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                    }
                }
            }
            return listeners;
        }

        /** /proc's hex address: 4 bytes (IPv4) or 16 (IPv6), each 32-bit word in host (little-endian) order. */
        static String address(String hex) {
            byte[] bytes = new byte[hex.length() / 2];
            for (int word = 0; word < bytes.length / 4; word++) {
                for (int b = 0; b < 4; b++) {
                    bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - b) * 2, word * 8 + (3 - b) * 2 + 2), 16);
                }
            }
            if (bytes.length == 16) {
                boolean mapped = true;
                for (int i = 0; i < 10; i++) {
                    mapped &= bytes[i] == 0;
                }
                mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
                boolean any = true;
                for (byte b : bytes) {
                    any &= b == 0;
                }
                if (any) {
                    return "::";
                }
                if (!mapped) {
                    return hex;
                }
                bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
            }
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
    }
}
