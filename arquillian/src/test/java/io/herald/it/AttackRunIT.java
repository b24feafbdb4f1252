package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.orders.OrdersClient;
import io.herald.it.pos.PosSocketIT;
import jakarta.jms.JMSSecurityException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input run of issue 23: several hundred attacks of every kind the perimeter review
 * tried, in parallel against one herald.jar (embedded broker, demo data, the test identity
 * provider), while two organizations of the order-status API and two users of the inventory API
 * receive a steady stream of their own events. Asserts that every attack got a refusal, that
 * readiness answered 200 throughout, and that each tenant received every one of its events and none
 * of the other's. The table of attacks and answers goes to {@code target/attack-run.md}.
 */
@LongRun
class AttackRunIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int IDLE_TIMEOUT_SECONDS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static HeraldNode node;

    /** Answers per attack, in the order the attacks were defined. */
    private final Map<String, Map<String, AtomicInteger>> answers = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>(TestTokens.serverEnvironment());
        env.put("HERALD_HTTP_IDLE_TIMEOUT_SECONDS", String.valueOf(IDLE_TIMEOUT_SECONDS));
        node = HeraldNode.start("attack-run", env);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private void tally(String attack, String answer) {
        answers.computeIfAbsent(attack, a -> {
            order.add(a);
            return new ConcurrentHashMap<>();
        }).computeIfAbsent(answer, x -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void severalHundredAttacksLeaveTheServerServingWithNothingLostAndNoTenantCrossing() throws Exception {
        // --- the tenants and their subscribers ---
        HttpJson commerce = new HttpJson(node);
        assertEquals(200, commerce.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        String commerceCookie = commerce.cookieHeader();
        Map<String, WsClient> orgSockets = new TreeMap<>();
        for (String[] org : new String[][] {{"acme", OrdersClient.ACME_KEY, OrdersClient.ACME_SECRET}, {"globex", "ak_demo_globex", "sk_demo_globex"}}) {
            WsClient ws = WsClient.connect(node.ws("/orders/ws"));
            ws.send(OrdersClient.connect(org[1], OrdersClient.signatureNow(org[1], org[2])));
            assertEquals("connected", ws.next().getString("type"));
            ws.send(OrdersClient.SUBSCRIBE_ORGANIZATION);
            assertEquals("subscription", ws.next().getString("type"));
            orgSockets.put(org[0], ws);
        }
        String userA = "tenant-a-" + System.nanoTime();
        String userB = "tenant-b-" + System.nanoTime();
        Map<String, WsClient> userSockets = new TreeMap<>();
        for (String user : List.of(userA, userB)) {
            WsClient ws = WsClient.connect(node.ws("/inventory/api/ws/notification?access_token=" + TestTokens.token(user)));
            assertEquals("CONNECTION_ESTABLISHED", ws.next().getString("type"));
            userSockets.put(user, ws);
        }

        // --- steady traffic and a readiness probe, for as long as the attacks run ---
        AtomicBoolean attacking = new AtomicBoolean(true);
        Map<String, Set<String>> produced = new ConcurrentHashMap<>();
        AtomicLong notReady = new AtomicLong();
        AtomicLong probes = new AtomicLong();
        ExecutorService background = Executors.newFixedThreadPool(2);
        Future<?> producer = background.submit(() -> produce(attacking, produced, userA, userB));
        Future<?> prober = background.submit(() -> {
            while (attacking.get()) {
                probes.incrementAndGet();
                if (status(HttpRequest.newBuilder(node.http("/health/ready")).timeout(Duration.ofSeconds(5)).GET()) != 200) {
                    notReady.incrementAndGet();
                }
                pause(250);
            }
        });

        // --- the attacks, several at once ---
        ExecutorService attackers = Executors.newFixedThreadPool(6);
        List<Future<?>> runs = new ArrayList<>();
        runs.add(attackers.submit(this::forgedTokens));
        runs.add(attackers.submit(this::oversizedBodies));
        runs.add(attackers.submit(this::halfSentRequests));
        runs.add(attackers.submit(() -> crossSiteSockets(commerceCookie)));
        runs.add(attackers.submit(this::passwordGuessing));
        runs.add(attackers.submit(this::signatureReplays));
        runs.add(attackers.submit(this::brokerAccess));
        runs.add(attackers.submit(this::socketFloods));
        runs.add(attackers.submit(this::pointOfSaleReach));
        runs.add(attackers.submit(this::informationProbes));
        for (Future<?> run : runs) {
            run.get(5, TimeUnit.MINUTES);
        }
        attackers.shutdown();
        attacking.set(false);
        producer.get(1, TimeUnit.MINUTES);
        prober.get(1, TimeUnit.MINUTES);
        background.shutdown();

        // --- nothing lost, no tenant crossing ---
        Map<String, String> received = new TreeMap<>();
        for (var e : orgSockets.entrySet()) {
            Set<String> mine = produced.getOrDefault(e.getKey(), Set.of());
            Set<String> got = new java.util.HashSet<>();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (!got.containsAll(mine) && Instant.now().isBefore(deadline)) {
                Optional<JsonObject> frame = e.getValue().poll(Duration.ofSeconds(1));
                frame.filter(f -> "event".equals(f.getString("type"))).map(f -> f.getJsonObject("data")).ifPresent(d -> {
                    assertEquals(e.getKey(), d.getString("organization_id"), "an event of another organization: " + d);
                    got.add(d.getString("order_id"));
                });
            }
            assertTrue(got.containsAll(mine), e.getKey() + " missed " + (mine.size() - got.stream().filter(mine::contains).count()) + " events");
            received.put("orders " + e.getKey(), got.size() + " of " + mine.size());
        }
        for (var e : userSockets.entrySet()) {
            Set<String> mine = produced.getOrDefault(e.getKey(), Set.of());
            Set<String> got = new java.util.HashSet<>();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (!got.containsAll(mine) && Instant.now().isBefore(deadline)) {
                e.getValue().poll(Duration.ofSeconds(1)).filter(f -> f.containsKey("message") && !f.containsKey("type")
                        || f.containsKey("message") && f.containsKey("created_at")).ifPresent(n -> {
                            assertTrue(n.getString("message").startsWith(e.getKey() + " "), "a notification of another user: " + n);
                            got.add(n.getString("id"));
                        });
            }
            assertTrue(got.containsAll(mine), e.getKey() + " missed notifications");
            received.put("inventory " + (e.getKey().equals(userA) ? "user A" : "user B"), got.size() + " of " + mine.size());
        }
        orgSockets.values().forEach(WsClient::close);
        userSockets.values().forEach(WsClient::close);

        int total = answers.values().stream().flatMap(m -> m.values().stream()).mapToInt(AtomicInteger::get).sum();
        String report = report(total, received, probes.get(), notReady.get());
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "attack-run.md"), report);

        assertTrue(total >= 500, "several hundred attacks: " + total);
        assertEquals(0, notReady.get(), "readiness answered something else than 200 during the run");
        for (String attack : order) {
            for (String answer : answers.get(attack).keySet()) {
                assertTrue(answer.startsWith("refused") || answer.startsWith("closed") || answer.startsWith("absent")
                        || answer.startsWith("expected"), attack + ": " + answer);
            }
        }
        assertEquals(200, status(HttpRequest.newBuilder(node.http("/health/ready")).GET()), "still ready");
    }

    private String report(int total, Map<String, String> received, long probes, long notReady) {
        StringBuilder md = new StringBuilder("# Attack run (AttackRunIT)\n\n")
                .append(total).append(" attacks on one herald.jar, ").append(Instant.now()).append("\n\n")
                .append("| attack | answers |\n|---|---|\n");
        for (String attack : order) {
            md.append("| ").append(attack).append(" | ");
            md.append(String.join(", ", new TreeMap<>(answers.get(attack)).entrySet().stream()
                    .map(e -> e.getValue().get() + " × " + e.getKey()).toList()));
            md.append(" |\n");
        }
        md.append("\nReadiness during the run: ").append(probes - notReady).append(" of ").append(probes).append(" probes answered 200.\n\n");
        md.append("| tenant | events received of produced (none of the other tenant's) |\n|---|---|\n");
        received.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }

    // --- steady traffic ---

    private void produce(AtomicBoolean attacking, Map<String, Set<String>> produced, String userA, String userB) {
        HttpJson http = new HttpJson(node);
        Map<String, String> admin = Map.of("Authorization", "Bearer " + TestTokens.token("admin", "admin"));
        int n = 0;
        // at least 50 rounds (about 5 s), however quickly the attacks end
        while (attacking.get() || n < 50) {
            n++;
            for (String[] org : new String[][] {{"acme", OrdersClient.ACME_KEY}, {"globex", "ak_demo_globex"}}) {
                HttpJson.Reply r = http.post("/orders/api/orders", "{\"reference\":\"run-" + n + "\"}", Map.of("X-API-Key", org[1]));
                assertEquals(201, r.status(), r.body());
                produced.computeIfAbsent(org[0], k -> ConcurrentHashMap.newKeySet()).add(r.object().getString("id"));
            }
            for (String user : List.of(userA, userB)) {
                HttpJson.Reply r = http.post("/inventory/api/notifications",
                        "{\"user_id\":\"" + user + "\",\"message\":\"" + user + " notice " + n + "\",\"type\":\"info\"}", admin);
                assertEquals(201, r.status(), r.body());
                produced.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(r.object().getString("id"));
            }
            pause(100);
        }
    }

    // --- the attacks ---

    /** Tokens from a stranger's key, another issuer, an expired one, none at all, and "alg":"none". */
    private void forgedTokens() {
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("{\"sub\":\"mallory\",\"groups\":[\"admin\"],\"iss\":\"" + TestTokens.ISSUER + "\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}")
                                .getBytes(StandardCharsets.UTF_8)) + ".";
        List<String> forged = List.of(TestTokens.signedByStranger("mallory"), TestTokens.fromOtherIssuer("mallory"),
                TestTokens.token("mallory", Duration.ofMinutes(-5), "admin"), none, "not-a-token");
        for (int i = 0; i < 20; i++) {
            for (String token : forged) {
                for (String path : List.of("/orders/api/organizations", "/admin/api/overview")) {
                    int status = status(HttpRequest.newBuilder(node.http(path)).header("Authorization", "Bearer " + token).GET());
                    tally("forged admin token (stranger's key, other issuer, expired, alg none, garbage) on admin REST",
                            status == 401 ? "refused 401" : "ANSWERED " + status);
                }
            }
        }
    }

    /** 2 MiB bodies, with a length and chunked, on anonymous and authenticated endpoints. */
    private void oversizedBodies() {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        // the anonymous sign-ins, and two endpoints with their credentials (without them: 401, body unread)
        Map<String, String[]> endpoints = Map.of("/admin/api/login", new String[0], "/commerce/api/auth/login", new String[0],
                "/api/events", new String[] {"Authorization", "Bearer " + TestTokens.token("publisher", "admin")},
                "/orders/api/orders", new String[] {"X-API-Key", OrdersClient.ACME_KEY});
        for (int i = 0; i < 8; i++) {
            for (var endpoint : endpoints.entrySet()) {
                HttpRequest.BodyPublisher body = i % 2 == 0 ? HttpRequest.BodyPublishers.ofByteArray(big)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big));
                HttpRequest.Builder request = HttpRequest.newBuilder(node.http(endpoint.getKey())).header("Content-Type", "application/json");
                if (endpoint.getValue().length > 0) {
                    request.header(endpoint.getValue()[0], endpoint.getValue()[1]);
                }
                int status = status(request.POST(body));
                tally("2 MiB request body (with a length and chunked) on 4 endpoints", status == 413 ? "refused 413" : "ANSWERED " + status);
            }
        }
    }

    /** Request lines and headers that never end. */
    private void halfSentRequests() {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 150; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
                socket.getOutputStream().write(("GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-" + i + ": ").getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            for (Socket socket : sockets) {
                tally("half-sent HTTP request (headers never finished)", closedByServer(socket) ? "closed by the server (idle timeout)" : "STILL OPEN");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(AttackRunIT::closeQuietly);
        }
    }

    /** Another site's page opens the back office's socket with the user's cookie. */
    private void crossSiteSockets(String cookie) {
        for (int i = 0; i < 20; i++) {
            String origin = i % 2 == 0 ? "http://evil.example" : "null";
            try (WsClient hijack = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", cookie, "Origin", origin))) {
                Optional<WsClient.Close> end = hijack.awaitEnd();
                tally("cross-site WebSocket on /commerce/ws with the user's session cookie",
                        end.map(c -> c.code() == 1008 ? "refused 1008 " + c.reason() : "CLOSED " + c.code()).orElse("CLOSED without a close frame"));
            } catch (RuntimeException refusedAtHandshake) {
                tally("cross-site WebSocket on /commerce/ws with the user's session cookie", "refused at the handshake");
            }
        }
    }

    /** Password guessing on both sign-ins, from many loopback addresses. */
    private void passwordGuessing() {
        for (int i = 0; i < 30; i++) {
            int status = raw("127.0.0.23", "POST", "/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"guess" + i + "\"}");
            tally("commerce login: wrong passwords from one address", status == 401 ? "refused 401 (wrong password)" : status == 429 ? "refused 429 (limit)" : "ANSWERED " + status);
        }
        int right = raw("127.0.0.23", "POST", "/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}");
        tally("commerce login: the right password after the guesses", right == 429 ? "refused 429 (limit)" : "ANSWERED " + right);
        for (int i = 1; i <= 120; i++) {
            int status = raw("127.0.5." + i, "POST", "/admin/api/login", "{\"user\":\"admin\",\"password\":\"noise" + i + "\"}");
            tally("admin login: one wrong password from each of 120 addresses", status == 401 ? "refused 401 (wrong password)" : status == 429 ? "refused 429 (limit)" : "ANSWERED " + status);
        }
        int admin = raw("127.0.6.1", "POST", "/admin/api/login", "{\"user\":\"admin\",\"password\":\"admin\"}");
        tally("admin login: the right password after the account's guesses", admin == 429 ? "refused 429 (account limit)" : "ANSWERED " + admin);
        int token = status(HttpRequest.newBuilder(node.http("/admin/api/overview"))
                .header("Authorization", "Bearer " + TestTokens.token("root", "admin")).GET());
        tally("admin API with an admin token while the password is locked", token == 200 ? "expected 200 (tokens still work)" : "FAILED " + token);
    }

    /** One captured signed connect, sent on twenty sockets. */
    private void signatureReplays() {
        String captured = OrdersClient.connect(OrdersClient.ACME_KEY, OrdersClient.signatureNow(OrdersClient.ACME_KEY, OrdersClient.ACME_SECRET));
        for (int i = 0; i < 20; i++) {
            try (WsClient ws = WsClient.connect(node.ws("/orders/ws"))) {
                ws.send(captured);
                JsonObject answer = ws.next();
                String type = answer.getString("type");
                tally("replayed signed order-status connect (one capture, 20 sockets)", i == 0 && "connected".equals(type) ? "expected: the first use connects"
                        : "error".equals(type) ? "refused: " + answer.getJsonObject("data").getString("message") : "ANSWERED " + answer);
            }
        }
        String future = OrdersClient.connect(OrdersClient.ACME_KEY,
                "APIKey=" + OrdersClient.ACME_KEY + ",signature=" + hmacHex(OrdersClient.ACME_SECRET, "GET\n/ws\n" + (Instant.now().getEpochSecond() + 299))
                        + ",timestamp=" + (Instant.now().getEpochSecond() + 299));
        for (int i = 0; i < 10; i++) {
            try (WsClient ws = WsClient.connect(node.ws("/orders/ws"))) {
                ws.send(future);
                JsonObject answer = ws.next();
                tally("signed connect 299 s in the future", "error".equals(answer.getString("type"))
                        ? "refused: " + answer.getJsonObject("data").getString("message") : "ANSWERED " + answer);
            }
        }
        for (int i = 0; i < 10; i++) {
            int status = status(HttpRequest.newBuilder(node.http("/orders/api/orders")).header("X-API-Key", OrdersClient.ACME_KEY).GET());
            tally("listing an organization's orders with the api_key alone", status == 401 ? "refused 401 (signature required)" : "ANSWERED " + status);
        }
    }

    /** A local process on the embedded broker's port. */
    private void brokerAccess() {
        int port;
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Embedded Artemis broker listening on 127\\.0\\.0\\.1:(\\d+)").matcher(node.logText());
            assertTrue(m.find(), "the broker's port is in the log");
            port = Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port + "?reconnectAttempts=0&initialConnectAttempts=1")) {
            String[][] logins = {{null, null}, {"herald", "herald"}, {"guest", "guest"}, {"admin", "admin"}, {"ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!"}};
            for (int i = 0; i < 4; i++) {
                for (String[] login : logins) {
                    try {
                        (login[0] == null ? factory.createConnection() : factory.createConnection(login[0], login[1])).close();
                        tally("embedded broker: connect as anonymous, herald/herald, guest, admin, cluster user", "ACCEPTED " + login[0]);
                    } catch (JMSSecurityException e) {
                        tally("embedded broker: connect as anonymous, herald/herald, guest, admin, cluster user", "refused (security)");
                    } catch (jakarta.jms.JMSException e) {
                        tally("embedded broker: connect as anonymous, herald/herald, guest, admin, cluster user", "refused: " + e.getClass().getSimpleName());
                    }
                }
            }
        }
    }

    /** Invalid messages as fast as the client can send them, on three products' sockets, unauthenticated orders included. */
    private void socketFloods() {
        HttpJson commerce = new HttpJson(node);
        assertEquals(200, commerce.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        for (int round = 0; round < 3; round++) {
            List<WsClient> floods = List.of(
                    WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", commerce.cookieHeader())),
                    WsClient.connect(node.ws("/inventory/api/ws/notification?access_token=" + TestTokens.token("flooder-" + round))),
                    WsClient.connect(node.ws("/orders/ws")));
            for (WsClient ws : floods) {
                for (int i = 0; i < 5000 && !ws.isClosed(); i++) {
                    try {
                        ws.send("{\"type\":\"nonsense-" + i + "\"}");
                    } catch (RuntimeException closedMeanwhile) {
                        break;
                    }
                }
                Optional<WsClient.Close> end;
                try {
                    end = ws.awaitEnd();
                } catch (RuntimeException reset) {
                    end = Optional.empty();
                }
                tally("flood of 5,000 invalid messages on a commerce, inventory or unauthenticated orders socket",
                        end.map(c -> "closed " + c.code() + " " + c.reason()).orElse("closed (reset before the close frame)"));
                ws.close();
            }
        }
    }

    /** A cashier of one location notifies users elsewhere. */
    private void pointOfSaleReach() {
        String mine = "loc-run-mine-" + System.nanoTime();
        Map<String, String> cashier = Map.of("Authorization", "Bearer " + PosSocketIT.token("cashier-run", List.of(mine), "pos.write"));
        HttpJson http = new HttpJson(node);
        for (int i = 0; i < 30; i++) {
            HttpJson.Reply r = http.post("/pos/v1/api/notifications",
                    "{\"user_id\":\"ceo-" + i + "\",\"kind\":\"alert\",\"message\":\"Send me your PIN\"}", cashier);
            tally("POS: a cashier of one location notifies users of other locations", r.status() == 403 ? "refused 403" : "ANSWERED " + r.status());
        }
    }

    /** What the HTTP layer tells about itself. */
    private void informationProbes() {
        for (int i = 0; i < 10; i++) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(node.http("/health/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
                tally("Server / X-Powered-By headers", r.headers().firstValue("Server").isEmpty() && r.headers().firstValue("X-Powered-By").isEmpty()
                        ? "absent" : "PRESENT " + r.headers().map());
                HttpResponse<String> openapi = HTTP.send(HttpRequest.newBuilder(node.http("/openapi")).GET().build(), HttpResponse.BodyHandlers.ofString());
                tally("GET /openapi", openapi.statusCode() >= 400 && !openapi.body().contains("paths") ? "refused " + openapi.statusCode() : "ANSWERED " + openapi.statusCode());
                HttpResponse<String> wadl = HTTP.send(HttpRequest.newBuilder(node.http("/application.wadl")).GET().build(), HttpResponse.BodyHandlers.ofString());
                tally("GET /application.wadl", !wadl.body().contains("<application") ? "refused " + wadl.statusCode() : "ANSWERED the WADL");
                HttpResponse<String> broken = HTTP.send(HttpRequest.newBuilder(node.http("/commerce/api/auth/login"))
                        .header("Content-Type", "application/json; charset=no-such-charset")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                tally("request that makes the server fail (unknown charset)", !broken.body().contains("Exception") && !broken.body().contains("<html")
                        ? "refused " + broken.statusCode() + " without exception names" : "ANSWERED " + broken.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // --- small tools ---

    private static int status(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON POST over a socket bound to a chosen loopback address; @return the status code */
    private static int raw(String from, String method, String path, String json) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 10_000);
            socket.setSoTimeout(30_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(head.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        Instant deadline = Instant.now().plus(DEADLINE);
        socket.setSoTimeout(250);
        InputStream in = socket.getInputStream();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (in.read(new byte[512]) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // read again until the deadline
            } catch (SocketException reset) {
                return true;
            }
        }
        return false;
    }

    private static String hmacHex(String secret, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the server closed already
        }
    }

    /** Paces the producer and the readiness probe (not a wait for behaviour). */
    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
