package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP boundary of issue 23, tried as an attacker would against one herald.jar: request bodies
 * of 100 MB (413 before they are read), unexpected errors (JSON 500 without names), WADL, free
 * text in metrics labels, and password guessing on both sign-ins. The guessing limits are set low
 * through the environment so that each limit can be shown on its own; addresses other than
 * 127.0.0.1 are loopback addresses the client binds its socket to (the server sees the socket's peer).
 */
class BoundaryIT {

    private static final int PER_ADDRESS = 5;
    private static final int PER_ACCOUNT = 25;
    private static final int TRACKED = 8;
    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private static final String TOO_LARGE = "{\"type\":\"error\",\"message\":\"Request body larger than 1048576 bytes\"}";

    private static HeraldNode node;

    @BeforeAll
    static void start() {
        Map<String, String> environment = new java.util.HashMap<>(TestTokens.serverEnvironment());
        environment.put("HERALD_LOGIN_MAX_FAILURES_PER_ADDRESS", String.valueOf(PER_ADDRESS));
        environment.put("HERALD_LOGIN_MAX_FAILURES_PER_ACCOUNT", String.valueOf(PER_ACCOUNT));
        environment.put("HERALD_LOGIN_TRACKED", String.valueOf(TRACKED));
        node = HeraldNode.start("boundary", environment);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    // ---- 2a: request bodies

    @Test
    void hundredMegabyteBodiesAreRefusedWith413BeforeTheyAreRead() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        List<String> paths = List.of("/admin/api/login", "/commerce/api/auth/login", "/api/events", "/orders/api/organizations");
        String admin = "Bearer " + TestTokens.token("boundary-admin", "admin");
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String path = paths.get(i / 2 % paths.size());
            // half with a Content-Length of 100 MB, half chunked (no length): generated, never held in memory
            HttpRequest.BodyPublisher body = i % 2 == 0
                    ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> spaces(HUNDRED_MB)), HUNDRED_MB)
                    : HttpRequest.BodyPublishers.ofInputStream(() -> spaces(HUNDRED_MB));
            // with a token where one is needed, so that a chunked body is really read until it is too large
            replies.add(client.sendAsync(HttpRequest.newBuilder(node.http(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", admin).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < replies.size(); i++) {
            HttpResponse<String> reply = replies.get(i).get();
            assertEquals(413, reply.statusCode(), paths.get(i / 2 % paths.size()) + (i % 2 == 0 ? " length: " : " chunked: ") + reply.body());
            assertEquals(TOO_LARGE, reply.body());
            assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        }
        assertEquals(200, new HttpJson(node).get("/health/ready").status(), "still ready");
        HttpJson.Reply small = new HttpJson(node).post("/commerce/api/auth/login", "{\"email\":\"" + "x".repeat(600_000) + "\"}");
        assertEquals(400, small.status(), "a body under the limit is read and judged: " + small.body().length());
    }

    // ---- 11: information

    @Test
    void anUnexpectedErrorIsAJson500WithoutNames() {
        Raw.Reply reply = Raw.request("127.0.0.1", "POST", "/admin/api/login",
                Map.of("Content-Type", "application/json; charset=no-such-charset"), "{\"user\":\"a\",\"password\":\"b\"}");
        assertEquals(500, reply.status(), reply.body());
        assertEquals("{\"type\":\"error\",\"message\":\"Internal Server Error\"}", reply.body());

        Raw.Reply servletLevel = Raw.request("127.0.0.1", "GET", "/WEB-INF/web.xml", Map.of(), null);
        assertEquals(404, servletLevel.status(), servletLevel.body());
        assertEquals("{\"type\":\"error\",\"message\":\"Not Found\"}", servletLevel.body(), "no server HTML error page");
    }

    @Test
    void noWadlIsServed() {
        Raw.Reply options = Raw.request("127.0.0.1", "OPTIONS", "/admin/api/login", Map.of(), null);
        assertFalse(options.headers().getOrDefault("content-type", "").contains("wadl"), options.headers().toString());
        assertFalse(options.body().toLowerCase(Locale.ROOT).contains("wadl"), options.body());
        assertFalse(options.body().contains("<resource"), options.body());
        Raw.Reply wadl = Raw.request("127.0.0.1", "GET", "/application.wadl", Map.of(), null);
        assertEquals(404, wadl.status(), wadl.body());
        assertFalse(wadl.body().contains("<application"), wadl.body());
    }

    @Test
    void aRefusalReasonChosenByTheClientIsNotAMetricsLabel() throws Exception {
        String marker = "EvilAlg" + System.nanoTime();
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"" + marker + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"mallory\"}".getBytes(StandardCharsets.UTF_8));
        WsClient.Close refused;
        try (WsClient ws = WsClient.connect(node.ws("/inventory/api/ws/notification?access_token=" + header + "." + claims + ".c2ln"))) {
            refused = ws.awaitClose();
        }
        assertEquals(1008, refused.code());
        assertTrue(refused.reason().contains(marker), "the client still reads why: " + refused.reason());
        HttpJson http = new HttpJson(node);
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        String metrics = "";
        while (Instant.now().isBefore(until) && !metrics.contains("reason=\"invalid_token\"")) {
            metrics = http.get("/metrics").body();
            Thread.sleep(250); // polling interval: the figures are copied into the registry once a second
        }
        assertTrue(metrics.contains("reason=\"invalid_token\""), metrics);
        assertFalse(metrics.contains(marker), "the client's text is not a label");
        Matcher reasons = Pattern.compile("herald_handshakes_refused_total\\{[^}]*reason=\"([^\"]*)\"").matcher(metrics);
        while (reasons.find()) {
            assertTrue(List.of("missing_token", "expired_token", "invalid_token", "not_configured", "origin_not_allowed", "forbidden",
                    "unknown_channel", "connection_limit", "rate_limited", "other").contains(reasons.group(1)), reasons.group(0));
        }
    }

    // ---- 5 and 6: guessing limits

    @Test
    void commerceLoginStopsGuessesFromAnAddressEvenWithTheRightPassword() {
        String from = "127.0.0.3";
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertEquals(401, commerceLogin(from, "admin@example.com", "guess" + i).status());
        }
        Raw.Reply locked = commerceLogin(from, "admin@example.com", "admin");
        assertTooManyRequests(locked);
        assertTooManyRequests(commerceLogin(from, "support@example.com", "support"));
        assertEquals(200, commerceLogin("127.0.0.4", "admin@example.com", "admin").status(), "another address may sign in");
    }

    @Test
    void commerceLoginStopsGuessesOnAnAccountFromManyAddresses() {
        String account = "support@example.com";
        for (int i = 0; i < PER_ACCOUNT; i++) {
            String from = "127.0.1." + (1 + i / PER_ADDRESS); // under the address limit everywhere
            assertEquals(401, commerceLogin(from, account, "guess" + i).status());
        }
        assertTooManyRequests(commerceLogin("127.0.2.1", account, "support"));
        assertTooManyRequests(commerceLogin("127.0.2.1", "SUPPORT@example.com ", "support"));
        assertEquals(401, commerceLogin("127.0.2.1", "nobody@example.com", "x").status(), "the address itself is not limited");
    }

    @Test
    void adminLockoutOfAnAddressIsNotFlushedByManyOtherAddresses() {
        String victim = "127.0.3.1";
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertEquals(401, adminLogin(victim, "guess" + i).status());
        }
        assertTooManyRequests(adminLogin(victim, "admin"));
        // more new addresses than the table holds (8): the victim's window stays, the rest share one limited entry
        int flood = TRACKED + PER_ADDRESS - 1;
        for (int i = 1; i <= flood; i++) {
            assertEquals(401, adminLogin("127.0.4." + i, "noise").status(), "noise from 127.0.4." + i);
        }
        assertTooManyRequests(adminLogin(victim, "admin"));
        assertTooManyRequests(adminLogin("127.0.4.99", "noise"));
        assertEquals(401, adminLogin("127.0.4.1", "noise").status(), "a tracked address keeps its own count");
    }

    private static void assertTooManyRequests(Raw.Reply reply) {
        assertEquals(429, reply.status(), reply.body());
        long retryAfter = Long.parseLong(reply.headers().get("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 300, "Retry-After " + retryAfter);
        JsonObject body = Json.createReader(new StringReader(reply.body())).readObject();
        assertEquals("error", body.getString("type"));
        assertTrue(body.getString("message").startsWith("Too many failed"), body.toString());
    }

    private static Raw.Reply commerceLogin(String from, String email, String password) {
        return Raw.request(from, "POST", "/commerce/api/auth/login", Map.of("Content-Type", "application/json"),
                Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
    }

    private static Raw.Reply adminLogin(String from, String password) {
        return Raw.request(from, "POST", "/admin/api/login", Map.of("Content-Type", "application/json"),
                Json.createObjectBuilder().add("user", "admin").add("password", password).build().toString());
    }

    /** {@code n} spaces, generated as they are read. */
    private static InputStream spaces(long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                Arrays.fill(b, off, off + k, (byte) ' ');
                left -= k;
                return k;
            }
        };
    }

    /** HTTP/1.1 over a socket bound to a chosen loopback address (the JDK 17 client cannot choose one). */
    static final class Raw {

        record Reply(int status, Map<String, String> headers, String body) {
        }

        static Reply request(String from, String method, String path, Map<String, String> headers, String body) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 10_000);
                socket.setSoTimeout(30_000);
                byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + node.port()
                        + "\r\nConnection: close\r\n");
                headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                if (body != null) {
                    head.append("Content-Length: ").append(content.length).append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
                return parse(socket.getInputStream().readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Reply parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] rest = Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                rest = dechunk(rest);
            }
            return new Reply(status, headers, new String(rest, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOf(chunked, at);
                int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }

        private static int indexOf(byte[] data, int from) {
            for (int i = from; i + 1 < data.length; i++) {
                if (data[i] == '\r' && data[i + 1] == '\n') {
                    return i;
                }
            }
            return data.length;
        }
    }
}
