package io.herald.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderedFanoutTest {

    private static final String KEY = "commerce:order_changes";
    private static final String SELF = "self";
    private static final String OTHER = "other";

    private final SessionRegistry registry = new SessionRegistry();
    private final Fanout fanout = new Fanout();
    private final OrderedFanout cut = new OrderedFanout();
    private final RecordingSubscriber alice = new RecordingSubscriber("alice");
    /** The event log: what the database has committed. */
    private final TreeMap<Long, EventEnvelope> log = new TreeMap<>();
    private final List<Long> markersSent = new ArrayList<>();
    private final List<List<Long>> lookedUp = new ArrayList<>();
    private long now;
    private long selfNumber;
    private long otherNumber;

    @BeforeEach
    void wire() {
        fanout.registry = registry;
        fanout.meter = new io.herald.operations.control.GatewayMeter();
        fanout.recentEvents = new io.herald.operations.control.RecentEvents();
        fanout.dedupeWindow = 1000;
        fanout.init();
        cut.fanout = fanout;
        cut.markerEveryMs = 500;
        cut.markerTimeoutMs = 2000;
        cut.gapWaitMs = 10;
        cut.lateCommitMs = 60_000;
        cut.clock = () -> now;
        cut.log = new OrderedFanout.LogReader() {
            @Override
            public List<EventEnvelope> after(long id, int max) {
                return log.tailMap(id, false).values().stream().limit(max).toList();
            }

            @Override
            public List<EventEnvelope> withIds(List<Long> ids) {
                lookedUp.add(List.copyOf(ids));
                return ids.stream().sorted().map(log::get).filter(java.util.Objects::nonNull).toList();
            }

            @Override
            public long lastId() {
                return log.isEmpty() ? 0 : log.lastKey();
            }
        };
        cut.markers = new OrderedFanout.MarkerSender() {
            @Override
            public String origin() {
                return SELF;
            }

            @Override
            public void send(long number) {
                markersSent.add(number);
            }
        };
        registry.subscribe(alice, KEY);
        commit(1);
        commit(2);
    }

    private EventEnvelope commit(long id) {
        EventEnvelope e = new EventEnvelope(id, "commerce", "order:updated", Set.of(KEY),
                Json.createObjectBuilder().add("id", id).build(), Instant.parse("2026-01-25T10:30:00Z"), "ep");
        log.put(id, e);
        return e;
    }

    private void tick(long afterMs) {
        now += TimeUnit.MILLISECONDS.toNanos(afterMs);
        cut.tick(now);
    }

    /** The topic brings this node's newest marker back. */
    private void markerComesBack() {
        cut.markerFromTopic(SELF, ++selfNumber, markersSent.get(markersSent.size() - 1));
    }

    private void fromOther(EventEnvelope e) {
        cut.fromTopic(e, OTHER, ++otherNumber);
    }

    private void goLive() {
        tick(0);
        markerComesBack();
        tick(50);
        assertEquals(OrderedFanout.Mode.LIVE, cut.mode());
    }

    @Test
    void aStartingNodeTrustsTheTopicOnceItsMarkerCameBackAndDoesNotReplayHistory() {
        assertEquals(OrderedFanout.Mode.CATCHING_UP, cut.mode());
        tick(0);
        assertEquals(List.of(1L), markersSent);
        fromOther(commit(3)); // committed after the start: the log hands it over
        markerComesBack();
        tick(50);

        assertEquals(OrderedFanout.Mode.LIVE, cut.mode());
        fromOther(commit(4));
        assertEquals(List.of(3L, 4L), alice.receivedIds());
    }

    @Test
    void liveEventsGoOutAsTheyArriveAndCopiesAreDropped() {
        goLive();
        EventEnvelope three = commit(3);
        fromOther(three);
        fromOther(commit(4));
        cut.fromTopic(three, "repair", 1); // the outbox repair on a third node sends it again

        assertEquals(List.of(3L, 4L), alice.receivedIds());
        assertEquals(OrderedFanout.Mode.LIVE, cut.mode());
    }

    @Test
    void aMissingMessageSwitchesToTheLogWhichDeliversInIdOrderWithoutLossOrCopies() {
        goLive();
        fromOther(commit(3));
        commit(4); // its message is lost on the way to this node
        otherNumber++;
        EventEnvelope five = commit(5);
        fromOther(five); // the gap shows: 5 waits for the log

        assertEquals(OrderedFanout.Mode.CATCHING_UP, cut.mode());
        assertEquals(List.of(3L), alice.receivedIds());

        tick(50);
        assertEquals(List.of(3L, 4L, 5L), alice.receivedIds());
        fromOther(commit(6)); // after the last id read: the log hands it over
        cut.fromTopic(five, "repair", 1);
        tick(50);
        markerComesBack();
        tick(50);
        fromOther(commit(7));

        assertEquals(OrderedFanout.Mode.LIVE, cut.mode());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), alice.receivedIds());
    }

    @Test
    void aFailedPublishOrAMarkerThatDoesNotComeBackSwitchesToTheLog() {
        goLive();
        cut.suspect("this node could not publish");
        assertEquals(OrderedFanout.Mode.CATCHING_UP, cut.mode());
        tick(50);
        markerComesBack();
        tick(50);
        assertEquals(OrderedFanout.Mode.LIVE, cut.mode());

        tick(500); // sends the next marker; the broker never answers
        tick(1000);
        assertEquals(OrderedFanout.Mode.LIVE, cut.mode());
        tick(1500);
        assertEquals(OrderedFanout.Mode.CATCHING_UP, cut.mode());
    }

    @Test
    void whileTheBrokerIsDownTheLogKeepsClientsServedAndAnOldMarkerDoesNotEndIt() {
        goLive();
        tick(500); // marker sent just before the outage
        long beforeOutage = markersSent.get(markersSent.size() - 1);
        cut.suspect("marker did not come back");
        commit(3);
        commit(4);
        tick(50);
        assertEquals(List.of(3L, 4L), alice.receivedIds());

        cut.markerFromTopic(SELF, ++selfNumber, beforeOutage); // sent before the trouble: proves nothing
        tick(50);
        assertEquals(OrderedFanout.Mode.CATCHING_UP, cut.mode());

        tick(500);
        markerComesBack();
        commit(5); // committed and published before the node noticed the marker: the last read finds it
        tick(50);
        assertEquals(OrderedFanout.Mode.LIVE, cut.mode());
        assertEquals(List.of(3L, 4L, 5L), alice.receivedIds());
    }

    @Test
    void anEventCommittedLateIsDeliveredLateRatherThanLost() {
        goLive();
        cut.suspect("test");
        commit(4);
        tick(50);
        EventEnvelope three = commit(3); // its transaction took an id before 4 and committed after it was read
        fromOther(three);

        assertEquals(List.of(4L, 3L), alice.receivedIds());
    }

    @Test
    void anEventAboveAMissingIdWaitsForItFromTheTopic() {
        goLive();
        EventEnvelope three = commit(3);
        fromOther(commit(4)); // published by another node before 3 was
        assertEquals(List.of(), alice.receivedIds());
        tick(5);
        fromOther(three);

        assertEquals(List.of(3L, 4L), alice.receivedIds());
        assertEquals("ep.3", alice.wireIds().get(0));
        assertEquals("ep.4", alice.wireIds().get(1));
    }

    @Test
    void aMissingIdTheLogHasGoesOutFirstOnceTheWaitIsOver() {
        goLive();
        commit(3); // committed and answered on node B, whose message is still on its way
        fromOther(commit(4)); // the same producer's next event, through node C
        tick(5);
        assertEquals(List.of(), alice.receivedIds());
        tick(10);

        assertEquals(List.of(3L, 4L), alice.receivedIds());
        fromOther(log.get(3L)); // B's message arrives at last: a copy
        assertEquals(List.of(3L, 4L), alice.receivedIds());
        assertEquals(List.of(), cut.openIds());
    }

    @Test
    void anIdTheLogDoesNotHaveIsOpenAndALateCommitStillArrivesAndNamesWhereToResume() {
        goLive();
        fromOther(commit(5)); // 3 and 4 took ids and have not committed (or rolled back)
        tick(20);
        assertEquals(List.of(5L), alice.receivedIds());
        assertEquals(List.of(3L, 4L), cut.openIds());
        assertEquals("ep.5h3h4", alice.wireIds().get(0), "a client resuming with it gets 3 and 4 if they commit");

        fromOther(commit(6));
        fromOther(commit(4)); // committed late: delivered late rather than dropped
        assertEquals(List.of(5L, 6L, 4L), alice.receivedIds());
        assertEquals("ep.6h3h4", alice.wireIds().get(1));
        assertEquals("ep.4r6h3", alice.wireIds().get(2), "resume after 6, 3 still open");
        assertEquals(List.of(3L), cut.openIds());
    }

    @Test
    void anOpenIdThatCommitsWhileTheTopicIsDownComesFromTheLog() {
        goLive();
        fromOther(commit(5));
        tick(20);
        cut.suspect("marker did not come back");
        commit(4); // its message cannot be published: the broker is away
        tick(50);

        assertEquals(List.of(5L, 4L), alice.receivedIds());
        assertEquals(List.of(), cut.openIds().stream().filter(id -> id == 4).toList());
    }

    @Test
    void openIdsAreForgottenAfterTheLateCommitWindow() {
        goLive();
        fromOther(commit(4));
        tick(20);
        assertEquals(List.of(3L), cut.openIds());
        tick(60_001);
        assertEquals(List.of(), cut.openIds());
        fromOther(commit(5));
        assertEquals("ep.5", alice.wireIds().get(1));
    }

    @Test
    void ephemeralEventsGoOutAsTheyArriveInEveryMode() {
        EventEnvelope ephemeral = new EventEnvelope(0, "commerce", "order:updated", Set.of(KEY),
                Json.createObjectBuilder().build(), Instant.parse("2026-01-25T10:30:00Z"));
        fromOther(ephemeral);
        goLive();
        fromOther(ephemeral);

        assertEquals(List.of(0L, 0L), alice.receivedIds());
    }
}
