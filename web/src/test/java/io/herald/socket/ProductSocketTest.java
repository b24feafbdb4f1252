package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.delivery.control.SessionRegistry;
import io.herald.operations.control.GatewayMeter;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The skeleton every product's socket runs on, with a product of two messages. */
class ProductSocketTest {

    /** A product whose clients must send "let me in" as their query, with messages "ping" and "sub:<key>". */
    static final class TinyConnection extends SocketConnection {
        final SessionRegistry registry;

        TinyConnection(SocketSubscriber out, SessionRegistry registry) {
            super(out);
            this.registry = registry;
        }

        @Override
        public String error(String message) {
            return "{\"type\":\"error\",\"text\":\"" + message + "\"}";
        }

        @Override
        public String pong() {
            return "{\"type\":\"pong\"}";
        }

        @Override
        public String user() {
            return "tiny-user";
        }
    }

    static final class TinySocket extends ProductSocket<TinyConnection> {
        final CompletableFuture<Void> deadline = new CompletableFuture<>();
        boolean open = true;
        final List<String> closedForFlooding = new java.util.ArrayList<>();

        @Override
        protected void closingForRateLimit(TinyConnection connection) {
            closedForFlooding.add(connection.user());
        }

        @Override
        protected String product() {
            return "tiny";
        }

        @Override
        protected TinyConnection accept(Session session) throws java.io.IOException {
            return open ? new TinyConnection(subscriber(session, e -> e.type()), registry) : refuse(session, "Closed shop");
        }

        @Override
        protected void opened(TinyConnection connection) {
            connection.out().send("{\"type\":\"hello\"}");
            connection.endsWithConnection(deadline);
        }

        @Override
        protected SocketCommand<? super TinyConnection> decode(String text) {
            if (text.equals("ping")) {
                return new SocketCommand.Ping<>();
            }
            if (text.startsWith("sub:")) {
                return c -> {
                    c.registry.subscribe(c, text.substring(4));
                    return "{\"type\":\"subscribed\"}";
                };
            }
            return new SocketCommand.Invalid<>("Unknown message");
        }
    }

    private final TinySocket cut = new TinySocket();
    private final SessionRegistry registry = new SessionRegistry();
    private final FakeSession client = new FakeSession("s1");

    @BeforeEach
    void wire() {
        SendQueues queues = new SendQueues();
        queues.limits = new SendLimits(100, 1 << 20, 1 << 20);
        queues.senders = Executors.newSingleThreadExecutor();
        queues.meter = new GatewayMeter();
        cut.sendQueues = queues;
        cut.meter = queues.meter;
        cut.registry = registry;
        cut.inboundLimits = new InboundLimits();
        cut.inboundLimits.perSecond = 0.001; // no refill within a test
        cut.inboundLimits.burst = 60;
        cut.inboundLimits.closeAfter = 40;
        cut.inboundLimits.read();
        client.completeAtOnce();
    }

    /**
     * What the client got once the sender thread has run the writes queued before, at least
     * {@code expected} of them: a completed write may queue the next drain behind a barrier task,
     * so the barrier is repeated until they are there (or 5 s passed and the assertion shows what came).
     */
    private List<String> sent(int expected) throws Exception {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        do {
            cut.sendQueues.senders.submit(() -> { }).get();
        } while (client.sent.size() < expected && System.nanoTime() < until);
        return List.copyOf(client.sent);
    }

    @Test
    void anAcceptedConnectionIsRegisteredGreetedAndRunsItsMessages() throws Exception {
        cut.onOpen(client.session());
        cut.onText(client.session(), "ping");
        cut.onText(client.session(), "sub:tiny:a");
        cut.onText(client.session(), "dance");

        assertEquals(List.of("{\"type\":\"hello\"}", "{\"type\":\"pong\"}", "{\"type\":\"subscribed\"}",
                "{\"type\":\"error\",\"text\":\"Unknown message\"}"), sent(4));
        assertEquals(1, registry.match(List.of("tiny:a")).size());
    }

    @Test
    void binaryFramesGetTheProductsError() throws Exception {
        cut.onOpen(client.session());
        cut.onBinary(client.session(), ByteBuffer.wrap(new byte[] {1, 2}));

        assertEquals("{\"type\":\"error\",\"text\":\"" + SocketSubscriber.BINARY_NOT_SUPPORTED + "\"}", sent(2).get(1));
    }

    @Test
    void aFrameOver64KiBClosesWith1009WhereTheContainerDidNot() throws Exception {
        cut.onOpen(client.session());
        cut.onText(client.session(), "\u00e9".repeat(ProductSocket.MAX_FRAME_BYTES / 2)); // 64 KiB in UTF-8: allowed
        assertEquals(List.of(), client.closes);

        cut.onText(client.session(), "\u00e9".repeat(ProductSocket.MAX_FRAME_BYTES / 2 + 1));
        assertEquals(1, client.closes.size());
        assertEquals(1009, client.closes.get(0).getCloseCode().getCode());
        assertEquals(SocketClose.TOO_BIG_REASON, client.closes.get(0).getReasonPhrase());
        cut.onBinary(client.session(), ByteBuffer.allocate(ProductSocket.MAX_FRAME_BYTES + 1));
        assertEquals(2, client.closes.size());
    }

    @Test
    void errorRepliesAreLimitedByTheBudget() throws Exception {
        cut.onOpen(client.session());
        for (int i = 0; i < 100; i++) {
            cut.onText(client.session(), "dance");
        }
        assertEquals(1 + ErrorBudget.DEFAULT_LIMIT, sent(1 + ErrorBudget.DEFAULT_LIMIT).size());
    }

    @Test
    void aRefusedClientIsClosedWith1008AndNeverRegistered() throws Exception {
        cut.open = false;
        cut.onOpen(client.session());
        cut.onText(client.session(), "ping");

        assertEquals(SocketClose.POLICY_VIOLATION, client.closes.get(0).getCloseCode().getCode());
        assertEquals("Closed shop", client.closes.get(0).getReasonPhrase());
        assertEquals(List.of(), sent(0));
    }

    @Test
    void closingRemovesTheConnectionAndCancelsItsTimers() throws Exception {
        cut.onOpen(client.session());
        cut.onText(client.session(), "sub:tiny:a");
        cut.onClose(client.session());
        cut.onText(client.session(), "ping");

        assertEquals(Set.of(), registry.match(List.of("tiny:a")));
        assertTrue(cut.deadline.isCancelled());
        assertEquals(2, sent(2).size());
    }

    @Test
    void messagesBeyondTheRateLimitAreDroppedAnsweredWithinTheBudgetAndAFloodIsClosedWith1008() throws Exception {
        cut.onOpen(client.session());
        for (int i = 0; i < 60; i++) {
            cut.onText(client.session(), "sub:tiny:" + i);
        }
        assertEquals(61, sent(61).size(), "the greeting and the burst of 60");
        assertEquals(60, registry.subscriptionsPerKey().size(), "every message of the burst ran");

        cut.onText(client.session(), "sub:tiny:over");
        cut.onBinary(client.session(), ByteBuffer.wrap(new byte[] {1}));
        assertEquals(List.of("{\"type\":\"error\",\"text\":\"" + SocketConnection.RATE_LIMITED + "\"}",
                "{\"type\":\"error\",\"text\":\"" + SocketConnection.RATE_LIMITED + "\"}"), sent(63).subList(61, 63));
        assertEquals(60, registry.subscriptionsPerKey().size(), "refused messages do not run");
        assertTrue(client.closes.isEmpty());

        for (int i = 0; i < 38; i++) {
            cut.onText(client.session(), "ping");
        }
        sent(61 + ErrorBudget.DEFAULT_LIMIT);
        assertEquals(1, client.closes.size(), "the 40th refusal closes");
        assertEquals(SocketClose.POLICY_VIOLATION, client.closes.get(0).getCloseCode().getCode());
        assertEquals(SocketClose.RATE_LIMITED_REASON, client.closes.get(0).getReasonPhrase());
        assertEquals(61 + ErrorBudget.DEFAULT_LIMIT, client.sent.size(), "refusals are answered within the error budget");
        assertEquals(List.of("tiny-user"), cut.closedForFlooding, "the product hears of the close");

        cut.onText(client.session(), "ping");
        assertEquals(List.of("tiny-user"), cut.closedForFlooding, "once");
    }

    @Test
    void aForeignOriginIsRefusedWith1008BeforeTheProductSeesTheSocket() throws Exception {
        client.session().getUserProperties().put(SharedEndpointConfigurator.ORIGIN_REFUSED, Boolean.TRUE);
        cut.onOpen(client.session());
        cut.onText(client.session(), "ping");

        assertEquals(OriginPolicy.REFUSED, client.closes.get(0).getReasonPhrase());
        assertEquals(SocketClose.POLICY_VIOLATION, client.closes.get(0).getCloseCode().getCode());
        assertEquals(List.of(), sent(0));
    }
}
