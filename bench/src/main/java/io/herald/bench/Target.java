package io.herald.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server under test as the generator sees it: how to subscribe a socket and how to produce one event. */
public abstract class Target {

    /** HTTP/1.1: the JDK otherwise asks for an h2c upgrade, which the peer's ws server takes for a WebSocket upgrade. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"channel\":\"order_changes\"}";

    final String name;
    final int port;
    final long pid;

    Target(String name, int port, long pid) {
        this.name = name;
        this.port = port;
        this.pid = pid;
    }

    /**
     * How a subscriber socket subscribes to the order channel: the URL, the upgrade's headers, the subscribe frame, and
     * the type of the frame to wait for before sending it ({@code null}: send it on open). Both the JDK subscribers and
     * the Node ones ({@link NodeSubscribers}) follow it; {@code subscribed} confirms, events are {@code {"event":…}}.
     */
    record Subscription(URI url, Map<String, String> headers, String subscribe, String waitFor) {
    }

    /** The order channel's subscription on this server. */
    abstract Subscription subscription();

    /** Opens a JDK socket subscribed to the order channel; completes once the subscription is confirmed. */
    CompletableFuture<Subscriber> subscribe(Latencies latencies, AtomicLong received) {
        Subscription s = subscription();
        return new Subscriber(latencies, received, s.subscribe(), s.waitFor() != null).connect(s.url(), s.headers());
    }

    /** Produces event number {@code seq} through producer {@code producer}; blocks until the server answered. */
    abstract void publish(int producer, int seq) throws Exception;

    /** Prepares {@code producers} producers (Herald: one order each, created before any socket subscribes). */
    void prepare(int producers) throws Exception {
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static HttpResponse<String> send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static HttpRequest.Builder json(URI uri, String method, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    /** One subscribed socket: counts events and records their latency; answers pings (the JDK does). */
    static final class Subscriber implements WebSocket.Listener {

        private final Latencies latencies;
        private final AtomicLong received;
        private final String subscribe;
        private final boolean waitForConnected;
        private final CompletableFuture<Subscriber> subscribed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile long lastReceipt;

        Subscriber(Latencies latencies, AtomicLong received, String subscribe, boolean waitForConnected) {
            this.latencies = latencies;
            this.received = received;
            this.subscribe = subscribe;
            this.waitForConnected = waitForConnected;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            if (!waitForConnected) {
                webSocket.sendText(subscribe, true);
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                long now = System.currentTimeMillis();
                if (Wire.isEvent(frame)) {
                    latencies.record(now - Wire.timestampMillis(frame));
                    received.incrementAndGet();
                    lastReceipt = now;
                } else if (frame.contains("\"subscribed\"")) {
                    subscribed.complete(this);
                } else if (waitForConnected && frame.contains("\"connected\"")) {
                    webSocket.sendText(subscribe, true);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            subscribed.completeExceptionally(error);
        }

        CompletableFuture<Subscriber> connect(URI uri, Map<String, String> headers) {
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            return builder.buildAsync(uri, this).thenCompose(ws -> subscribed);
        }

        void close() {
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
        }
    }

    /** Herald's commerce API (document 000) on herald.jar; events are produced by REST (a JPA transaction). */
    static class HeraldCommerce extends Target {

        /** The total an order is created with; below every {@link Wire#total}. */
        static final String CREATED_TOTAL = "9.99";
        final String cookie;
        private final List<Long> orders = new ArrayList<>();

        HeraldCommerce(String name, int port, long pid) throws Exception {
            super(name, port, pid);
            HttpResponse<String> login = send(json(http("/commerce/api/auth/login"), "POST",
                    "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").build(), 200);
            this.cookie = login.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow(() -> new IllegalStateException("no session cookie"));
        }

        /**
         * One order per producer, created with a total that {@link #publish} never sends ({@link Wire#total} is 10.00 or
         * more): a PATCH that changes nothing commits no event, so a first event of 10.00 on an order created at 10.00 was
         * never delivered and the warm-up waited out its 90 s drain for it.
         */
        @Override
        void prepare(int producers) throws Exception {
            while (orders.size() < producers) {
                HttpResponse<String> created = send(json(http("/commerce/api/orders"), "POST", "{\"total\":" + CREATED_TOTAL + "}")
                        .header("Cookie", cookie).build(), 201);
                Matcher id = ID.matcher(created.body());
                if (!id.find()) {
                    throw new IllegalStateException("no order id in " + created.body());
                }
                orders.add(Long.parseLong(id.group(1)));
            }
        }

        /** The commerce socket: the login's session cookie authenticates the upgrade; subscribe after {@code connected}. */
        @Override
        Subscription subscription() {
            return new Subscription(URI.create("ws://127.0.0.1:" + port + "/commerce/ws"), Map.of("Cookie", cookie), SUBSCRIBE, "connected");
        }

        @Override
        void publish(int producer, int seq) throws Exception {
            send(json(http("/commerce/api/orders/" + orders.get(producer)), "PATCH", "{\"total\":" + Wire.total(seq + 1000 * producer) + "}")
                    .header("Cookie", cookie).build(), 200);
        }
    }

    /** Herald with events fired as ephemeral CDI events through {@code POST /api/events}. */
    static final class HeraldEphemeral extends HeraldCommerce {

        private final String token;
        private final int bytes;

        HeraldEphemeral(String name, int port, long pid, String token, int bytes) throws Exception {
            super(name, port, pid);
            this.token = token;
            this.bytes = bytes;
        }

        @Override
        void prepare(int producers) {
        }

        @Override
        void publish(int producer, int seq) throws Exception {
            send(json(http("/api/events"), "POST", "{\"product\":\"commerce\",\"type\":\"order:updated\","
                    + "\"routing_keys\":[\"commerce:order_changes\"],\"durable\":false,\"data\":" + Wire.orderLike(seq, bytes) + "}")
                    .header("Authorization", "Bearer " + token).build(), 202);
        }
    }

    /** The Node.js ws peer. */
    static final class Peer extends Target {

        private final int bytes;

        Peer(int port, long pid, int bytes) {
            super("peer", port, pid);
            this.bytes = bytes;
        }

        @Override
        Subscription subscription() {
            return new Subscription(URI.create("ws://127.0.0.1:" + port + "/ws"), Map.of(), SUBSCRIBE, null);
        }

        @Override
        void publish(int producer, int seq) throws Exception {
            send(json(http("/publish"), "POST", Wire.orderLike(seq, bytes)).build(), 202);
        }
    }

    /** Waits for a future, failing after {@code seconds}. */
    static <T> T await(CompletableFuture<T> future, long seconds) throws Exception {
        return future.get(seconds, TimeUnit.SECONDS);
    }
}
