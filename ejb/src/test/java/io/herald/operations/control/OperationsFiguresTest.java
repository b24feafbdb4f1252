package io.herald.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.delivery.control.EventEnvelope;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The figures operators read: channel labels, latency windows, counters, the recent-events ring, node status JSON. */
class OperationsFiguresTest {

    @Test
    void channelsLeaveOutWhoIsSubscribed() {
        assertEquals("commerce", Channels.productOf("commerce:order_changes"));
        assertEquals("order_changes", Channels.channelOf("commerce:order_changes"));
        assertEquals("kitchen_orders", Channels.channelOf("pos:kitchen_orders:loc:x1"));
        assertEquals("market:BTC_USD", Channels.channelOf("trading:market:BTC_USD"));
        assertEquals("user", Channels.channelOf("inventory:user:alice"));
        assertEquals("org", Channels.channelOf("orders:org:acme"));
        assertEquals("plain", Channels.channelOf("plain"));
    }

    @Test
    void latencyWindowKeepsTheLastMinute() {
        LatencyWindow window = new LatencyWindow();
        long t = 1_000_000_000L;
        assertEquals(LatencyWindow.Snapshot.EMPTY, window.snapshot(t));
        for (int i = 1; i <= 100; i++) {
            window.record(i);
        }
        window.record(-5);
        LatencyWindow.Snapshot s = window.snapshot(t);
        assertEquals(101, s.count());
        assertEquals(50, s.p50(), 1);
        assertEquals(99, s.p99(), 1);
        assertEquals(100, s.max(), 1);
        assertEquals(101, window.snapshot(t + 30_000).count(), "still inside the minute");
        assertEquals(0, window.snapshot(t + 70_000).count(), "a minute later the slice is gone");
    }

    @Test
    void latencyWindowHandsEveryLatencyToTheExporterOnce() {
        LatencyWindow window = new LatencyWindow();
        long t = 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            window.record(7);
        }
        window.record(12);
        window.snapshot(t); // the admin page read the window first: the exporter still gets everything
        window.record(1_000);
        java.util.Map<Long, Long> drained = new java.util.TreeMap<>();
        window.drain(t + 1_000, (millis, count) -> drained.merge(millis, count, Long::sum));
        assertEquals(3, drained.get(7L));
        assertEquals(1, drained.get(12L));
        assertEquals(1, drained.entrySet().stream().filter(e -> Math.abs(e.getKey() - 1_000) <= 4).mapToLong(java.util.Map.Entry::getValue).sum(),
                "above 256 ms within two significant digits: " + drained);
        java.util.List<Long> again = new java.util.ArrayList<>();
        window.drain(t + 2_000, (millis, count) -> again.add(count));
        assertEquals(java.util.List.of(), again, "each latency once");
        assertEquals(5, window.snapshot(t + 2_000).count(), "draining leaves the minute as it was");
    }

    @Test
    void productMeterCountsAndCapsRefusalReasons() {
        ProductMeter m = new ProductMeter("commerce");
        m.handshakeAccepted();
        m.handshakeRefused("Invalid token signature");
        m.handshakeRefused("Unsupported token algorithm <script>attacker text</script>");
        m.handshakeRefused(null);
        for (int i = 0; i < 100; i++) {
            m.handshakeRefused("reason " + i);
        }
        m.delivered(System.currentTimeMillis() - 7, System.currentTimeMillis());
        m.delivered(0, System.currentTimeMillis());
        m.slowClientClosed();
        m.errorAnswered();
        assertEquals(1, m.handshakesAccepted());
        assertEquals(103, m.handshakesRefusedTotal());
        assertEquals(Map.of("invalid_token", 2L, "other", 101L), m.handshakesRefused(), "fixed labels, never the client's text");
        assertEquals(2, m.deliveries());
        assertEquals(1, m.latency(System.currentTimeMillis()).count(), "replays are not timed");
        assertEquals(1, m.slowClientsClosed());
        assertEquals(1, m.errorsAnswered());
    }

    @Test
    void recentEventsKeepTheNewestAndSkipHeraldsOwn() {
        RecentEvents recent = new RecentEvents();
        Instant at = Instant.ofEpochMilli(1_700_000_000_000L);
        recent.offer(new EventEnvelope(0, "herald", "node_status", Set.of("herald:nodes"), Json.createObjectBuilder().build(), at), 0);
        for (int i = 1; i <= 200; i++) {
            recent.offer(new EventEnvelope(i, "commerce", "order_changed", Set.of("commerce:order_changes"), Json.createObjectBuilder().build(), at), 2);
        }
        assertEquals(200, recent.last());
        List<RecentEvents.Seen> tail = recent.after(190, 50);
        assertEquals(10, tail.size());
        assertEquals(191, tail.get(0).id());
        assertEquals(2, tail.get(0).sessions());
        assertEquals(RecentEvents.CAPACITY, recent.after(0, 1000).size());
        assertEquals(5, recent.after(0, 5).size());
        assertEquals(200, recent.after(0, 5).get(4).seq());
    }

    @Test
    void nodeStatusSurvivesItsJson() {
        ProductFigures figures = new ProductFigures(2, Map.of("order_changes", 2), 5, Map.of("Invalid token", 3L), 40, 1, 2, 7, 9,
                new LatencyWindow.Snapshot(40, 3, 5, 9, 12, 15));
        SessionView session = new SessionView("s1", "node-a", "commerce", "a@example.com", 1_700_000_000_000L, List.of("order_changes"), 7);
        NodeStatus status = new NodeStatus("node-a", 1_700_000_001_000L, "live", 44, 1, Map.of("commerce", figures), List.of(session), 2);
        NodeStatus back = NodeStatusJson.read(NodeStatusJson.write(status));
        assertEquals(status, back);
        assertEquals(40, back.deliveries());
    }

    @Test
    void aSessionsTrafficSurvivesItsJsonAndANodeWithoutItReadsAsNone() {
        io.herald.delivery.control.Traffic traffic = new io.herald.delivery.control.Traffic("203.0.113.7", 12, 3400, 3, 120, 1_700_000_000_500L);
        SessionView session = new SessionView("s1", "node-a", "commerce", null, 1_700_000_000_000L, List.of(), 0, traffic);
        NodeStatus status = new NodeStatus("node-a", 1_700_000_001_000L, "live", 0, 0, Map.of(), List.of(session), 1);

        jakarta.json.JsonObject json = NodeStatusJson.write(status);
        assertEquals("203.0.113.7", json.getJsonArray("sessions").getJsonObject(0).getString("remoteAddress"));
        assertEquals(traffic, NodeStatusJson.read(json).sessions().get(0).traffic());

        jakarta.json.JsonObject older = jakarta.json.Json.createObjectBuilder(json.getJsonArray("sessions").getJsonObject(0))
                .remove("remoteAddress").remove("framesSent").remove("bytesSent").remove("framesReceived").remove("bytesReceived")
                .remove("lastActivityAt").build();
        jakarta.json.JsonObject olderStatus = jakarta.json.Json.createObjectBuilder(json)
                .add("sessions", jakarta.json.Json.createArrayBuilder().add(older)).build();
        assertEquals(io.herald.delivery.control.Traffic.NONE, NodeStatusJson.read(olderStatus).sessions().get(0).traffic());
    }

    @Test
    void aRecentEventIsFoundBySequenceWithItsDataWhileKept() {
        RecentEvents recent = new RecentEvents();
        Instant at = Instant.ofEpochMilli(1_700_000_000_000L);
        jakarta.json.JsonObject data = Json.createObjectBuilder().add("id", 7).add("note", "<b>not markup</b>").build();
        recent.offer(new EventEnvelope(1, "commerce", "order:updated", Set.of("commerce:order_changes"), data, at), 1);
        assertEquals(data, recent.find(1).orElseThrow().data());
        assertEquals(java.util.Optional.empty(), recent.find(0));
        assertEquals(java.util.Optional.empty(), recent.find(2));
        for (int i = 2; i <= RecentEvents.CAPACITY + 1; i++) {
            recent.offer(new EventEnvelope(i, "commerce", "order:updated", Set.of("commerce:order_changes"), data, at), 1);
        }
        assertEquals(java.util.Optional.empty(), recent.find(1), "overwritten by a newer event");
        assertEquals(RecentEvents.CAPACITY + 1, recent.find(RecentEvents.CAPACITY + 1).orElseThrow().id());
    }
}
