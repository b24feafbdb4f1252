package io.herald.socket;

import io.herald.operations.control.ProductMeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SocketSubscriberTest {

    private final FakeSession client = new FakeSession("s1");
    private final List<Long> encoded = new ArrayList<>();
    private final Function<EventEnvelope, String> encoder = e -> {
        encoded.add(e.id());
        return "{\"event\":\"" + e.type() + "\",\"id\":" + e.id() + "}";
    };

    private SocketSubscriber subscriber(FakeSession session, int queueLimit) {
        return new SocketSubscriber(session.session(), new ProductMeter("commerce"), "commerce", encoder, new SendLimits(queueLimit, 1 << 20, 1 << 20), Runnable::run);
    }

    private static EventEnvelope event(long id) {
        return new EventEnvelope(id, "commerce", "order:updated", Set.of("commerce:order_changes"),
                Json.createObjectBuilder().build(), Instant.parse("2026-01-25T10:30:00Z"));
    }

    @Test
    void framesAreSentInOrderOneAtATime() {
        SocketSubscriber cut = subscriber(client, 10);

        cut.send("a");
        cut.send("b");
        cut.send("c");

        assertEquals(List.of("a"), client.sent);
        assertEquals(1, client.inFlight());

        client.completeNext();
        assertEquals(List.of("a", "b"), client.sent);
        assertEquals(1, client.inFlight());

        client.completeNext();
        assertEquals(List.of("a", "b", "c"), client.sent);

        client.completeNext();
        assertEquals(List.of("a", "b", "c"), client.sent);
        assertEquals(0, client.inFlight());
    }

    @Test
    void closeWhenSentWritesWhatIsQueuedThenClosesAndSendsNothingLater() {
        SocketSubscriber cut = subscriber(client, 10);
        cut.send("a");
        cut.send("b");
        cut.closeWhenSent(1008, "Rate limit exceeded");
        cut.send("c");
        assertEquals(List.of(), client.closes);

        client.completeNext();
        client.completeNext();

        assertEquals(List.of("a", "b"), client.sent);
        assertEquals(1, client.closes.size());
        assertEquals(1008, client.closes.get(0).getCloseCode().getCode());
        assertEquals("Rate limit exceeded", client.closes.get(0).getReasonPhrase());
    }

    @Test
    void anIdleSessionSendsAtOnce() {
        SocketSubscriber cut = subscriber(client, 10);

        cut.send("a");
        client.completeNext();
        cut.send("b");

        assertEquals(List.of("a", "b"), client.sent);
    }

    @Test
    void aFailedSendDoesNotStopTheFramesBehindIt() {
        SocketSubscriber cut = subscriber(client, 10);
        cut.send("a");
        cut.send("b");

        client.failNext(new IOException("broken pipe"));

        assertEquals(List.of("a", "b"), client.sent);
        assertEquals(List.of(), client.closes);
    }

    @Test
    void aClientThatFallsMoreThanQueueLimitBehindIsClosedWith1013() {
        SocketSubscriber cut = subscriber(client, 2);
        cut.send("a"); // in flight
        cut.send("b"); // waiting
        cut.send("c"); // waiting: the limit, still fine
        assertEquals(List.of(), client.closes);

        cut.send("d"); // one more than the limit

        assertEquals(1, client.closes.size());
        assertEquals(1013, client.closes.get(0).getCloseCode().getCode());
        assertEquals(SocketClose.TOO_SLOW, client.closes.get(0).getCloseCode().getCode());
        assertEquals("Client too slow: send queue full", client.closes.get(0).getReasonPhrase());
        assertEquals(SocketClose.TOO_SLOW_REASON, client.closes.get(0).getReasonPhrase());
    }

    @Test
    void whatWaitedIsDroppedWhenTheSlowClientIsClosed() {
        SocketSubscriber cut = subscriber(client, 2);
        cut.send("a");
        cut.send("b");
        cut.send("c");
        cut.send("d");

        client.completeNext();
        cut.send("e");

        assertEquals(List.of("a"), client.sent);
        assertEquals(1, client.closes.size());
    }

    @Test
    void theLimitCountsWaitingFramesNotFramesEverSent() {
        SocketSubscriber cut = subscriber(client, 1);
        for (int i = 0; i < 5; i++) {
            cut.send("m" + i);
            client.completeNext();
        }

        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), client.sent);
        assertEquals(List.of(), client.closes);
    }

    @Test
    void nothingIsSentAfterClose() {
        SocketSubscriber cut = subscriber(client, 10);
        cut.send("a");
        cut.send("b");

        cut.close(1000, "bye");
        client.completeNext();
        cut.send("c");
        cut.deliver(new Delivery(event(1)));

        assertEquals(List.of("a"), client.sent);
        assertEquals(1, client.closes.size());
        assertEquals(1000, client.closes.get(0).getCloseCode().getCode());
        assertEquals("bye", client.closes.get(0).getReasonPhrase());
    }

    @Test
    void nothingIsSentAfterCloseEvenWhileTheClosingHandshakeRuns() {
        client.closeLater();
        SocketSubscriber cut = subscriber(client, 10);
        cut.send("a");
        cut.send("b");

        cut.close(1001, "Server shutting down");
        client.completeNext();
        cut.send("c");

        assertEquals(List.of("a"), client.sent);
        assertEquals(1, client.closes.size());
    }

    @Test
    void aSlowClientGetsNothingMoreWhileTheClosingHandshakeRuns() {
        client.closeLater();
        SocketSubscriber cut = subscriber(client, 1);
        cut.send("a");
        cut.send("b");
        cut.send("c");

        client.completeNext();
        cut.send("d");

        assertEquals(List.of("a"), client.sent);
        assertEquals(1, client.closes.size());
        assertEquals(1013, client.closes.get(0).getCloseCode().getCode());
    }

    @Test
    void closeHappensOnce() {
        SocketSubscriber cut = subscriber(client, 10);

        cut.close(1008, "Session ended");
        cut.close(1013, "Client too slow: send queue full");

        assertEquals(1, client.closes.size());
        assertEquals(1008, client.closes.get(0).getCloseCode().getCode());
    }

    @Test
    void aSessionTheClientAlreadyClosedIsNotClosedOrWrittenAgain() {
        SocketSubscriber cut = subscriber(client, 10);
        client.drop();

        cut.send("a");
        cut.close(1000, "bye");

        assertEquals(List.of(), client.sent);
        assertEquals(List.of(), client.closes);
    }

    @Test
    void aSendThatThrowsIsNotFatal() {
        SocketSubscriber cut = subscriber(client, 10);
        client.failSendsWith(new IllegalStateException("connection closing"));

        cut.send("a");

        assertEquals(List.of(), client.sent);
        assertEquals(List.of(), client.closes);
    }

    @Test
    void deliverSendsTheEventInThisSessionsFormat() {
        SocketSubscriber cut = subscriber(client, 10);

        cut.deliver(new Delivery(event(5)));

        assertEquals(List.of("{\"event\":\"order:updated\",\"id\":5}"), client.sent);
    }

    @Test
    void sessionsOfOneFormatShareOneEncoding() {
        FakeSession other = new FakeSession("s2");
        SocketSubscriber first = subscriber(client, 10);
        SocketSubscriber second = subscriber(other, 10);
        Delivery delivery = new Delivery(event(8));

        first.deliver(delivery);
        second.deliver(delivery);

        assertEquals(List.of(8L), encoded);
        assertEquals(client.sent, other.sent);
        assertEquals(List.of("{\"event\":\"order:updated\",\"id\":8}"), other.sent);
    }

    @Test
    void identityIsTheSessionId() {
        SocketSubscriber cut = subscriber(client, 10);

        assertEquals("s1", cut.id());
        assertEquals(cut, subscriber(client, 1));
        assertEquals(cut.hashCode(), subscriber(client, 1).hashCode());
        assertNotEquals(cut, subscriber(new FakeSession("s2"), 10));
    }

    private SocketSubscriber subscriber(FakeSession session, long pendingBytes, long pingEvery) {
        return new SocketSubscriber(session.session(), new ProductMeter("commerce"), "commerce", encoder, new SendLimits(1000, pendingBytes, pingEvery), Runnable::run);
    }

    @Test
    void theLimitCountsBytesNotOnlyFrames() {
        SocketSubscriber cut = subscriber(client, 10, 1 << 20);
        cut.send("12345"); // in flight, not yet read
        cut.send("67890"); // waiting: 10 bytes held, the limit
        assertEquals(List.of(), client.closes);

        cut.send("x");

        assertEquals(1, client.closes.size());
        assertEquals(1013, client.closes.get(0).getCloseCode().getCode());
    }

    @Test
    void bytesCountInUtf8() {
        SocketSubscriber cut = subscriber(client, 6, 1 << 20);
        cut.send("\u00e9\u00e9\u00e9"); // 3 characters, 6 bytes

        cut.send("a");

        assertEquals(1, client.closes.size());
    }

    @Test
    void aClientThatStopsReadingIsClosedEvenWhenTheContainerCompletesEverySendAtOnce() {
        client.completeAtOnce();
        SocketSubscriber cut = subscriber(client, 100, 20);

        for (int i = 0; i < 10; i++) {
            cut.send("0123456789"); // 10 bytes each: 100 bytes unconfirmed, the limit
        }
        assertEquals(List.of(), client.closes);
        assertEquals(5, client.pings.size());
        assertEquals(100, cut.unacknowledgedBytes());

        cut.send("x");

        assertEquals(10, client.sent.size());
        assertEquals(1, client.closes.size());
        assertEquals(1013, client.closes.get(0).getCloseCode().getCode());
    }

    @Test
    void aClientThatAnswersPingsIsNeverTooSlow() {
        client.completeAtOnce();
        client.answerPings();
        SocketSubscriber cut = subscriber(client, 100, 20);

        for (int i = 0; i < 1000; i++) {
            cut.send("0123456789");
        }

        assertEquals(1000, client.sent.size());
        assertEquals(List.of(), client.closes);
        assertEquals(0, cut.unacknowledgedBytes());
    }

    @Test
    void aQuietConnectionGetsAKeepalivePingWhichIsAReadReceiptToo() {
        client.completeAtOnce();
        SocketSubscriber cut = subscriber(client, 1000, 1 << 20);
        cut.send("0123456789");
        long now = System.nanoTime();
        long idle = java.util.concurrent.TimeUnit.SECONDS.toNanos(25);

        cut.keepAlive(now, idle);
        assertEquals(0, client.pings.size(), "written just now");
        cut.keepAlive(now + idle + 1, idle);
        assertEquals(1, client.pings.size());
        cut.keepAlive(now + idle + 2, idle);
        assertEquals(1, client.pings.size(), "the ping counts as a write");
        assertEquals(1, client.sent.size(), "no text frame for it");

        client.pong(client.pings.get(0).duplicate());
        assertEquals(0, cut.unacknowledgedBytes());
    }

    @Test
    void aPongAcknowledgesWhatWasWrittenBeforeItsPing() {
        client.completeAtOnce();
        SocketSubscriber cut = subscriber(client, 1000, 20);
        cut.send("0123456789");
        cut.send("0123456789"); // ping after 20 bytes
        cut.send("0123456789");

        client.pong(client.pings.get(0).duplicate());

        assertEquals(10, cut.unacknowledgedBytes());
    }

    @Test
    void aForgedPongAcknowledgesNothing() {
        client.completeAtOnce();
        SocketSubscriber cut = subscriber(client, 100, 20);
        for (int i = 0; i < 10; i++) {
            cut.send("0123456789");
        }
        ByteBuffer forged = java.nio.ByteBuffer.allocate(16).putLong(42).putLong(100).flip();

        client.pong(forged);
        client.pong(java.nio.ByteBuffer.wrap(new byte[0]));
        cut.send("x");

        assertEquals(1, client.closes.size());
    }

    @Test
    void errorRepliesAreLimitedByTheErrorBudgetOtherRepliesAreNot() {
        SocketSubscriber cut = subscriber(client, 1000);
        client.completeAtOnce();

        for (int i = 0; i < 25; i++) {
            cut.reply("{\"type\":\"error\",\"message\":\"Invalid JSON\"}");
        }
        cut.reply("{\"type\":\"pong\"}");
        cut.reply(null);

        assertEquals(ErrorBudget.DEFAULT_LIMIT + 1, client.sent.size());
        assertEquals("{\"type\":\"pong\"}", client.sent.get(client.sent.size() - 1));
    }

    @Test
    void trafficCountsWrittenFramesAndTheirBytesAndWhatTheClientSent() {
        SocketSubscriber cut = subscriber(client, 10);
        long before = System.currentTimeMillis();
        assertEquals(0, cut.traffic().framesSent());
        assertEquals(cut.openedAt(), cut.traffic().lastActivityAt());

        cut.send("ab");
        cut.send("é");
        assertEquals(1, cut.traffic().framesSent(), "a frame counts once handed to the container, not while it waits in the queue");
        client.completeNext();
        client.completeNext();
        cut.received(5);
        cut.received(7);

        io.herald.delivery.control.Traffic traffic = cut.traffic();
        assertEquals(2, traffic.framesSent());
        assertEquals(4, traffic.bytesSent(), "2 bytes, then 2 bytes in UTF-8");
        assertEquals(2, traffic.framesReceived());
        assertEquals(12, traffic.bytesReceived());
        assertEquals(true, traffic.lastActivityAt() >= before, traffic.toString());
        assertEquals(null, traffic.remoteAddress(), "the fake session is no Tyrus session");
    }
}
