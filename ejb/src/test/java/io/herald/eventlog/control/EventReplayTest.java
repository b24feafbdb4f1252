package io.herald.eventlog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.delivery.control.EventEnvelope;
import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The replay's rules over a log of known content (the log's queries themselves run in the ITs). */
class EventReplayTest {

    private final List<Long> queriedAfter = new ArrayList<>();

    /** A log of events 1..last, odd ids on key a, even ids on key b. */
    private EventReplay replayOver(long last, long prunedThrough, int maxEvents) {
        return replayOver(last, prunedThrough, maxEvents, Set.of());
    }

    /** The same, without the {@code uncommitted} ids. */
    private EventReplay replayOver(long last, long prunedThrough, int maxEvents, Set<Long> uncommitted) {
        EventReplay cut = new EventReplay();
        cut.log = new EventLog() {
            @Override
            public List<EventEnvelope> after(String product, long id, int max) {
                queriedAfter.add(id);
                return LongStream.rangeClosed(id + 1, Math.min(last, id + max)).filter(i -> !uncommitted.contains(i))
                        .mapToObj(EventReplayTest::event).toList();
            }

            @Override
            public List<EventEnvelope> withIds(List<Long> ids) {
                return ids.stream().sorted().filter(i -> i <= last && !uncommitted.contains(i)).map(EventReplayTest::event).toList();
            }
        };
        cut.identity = new LogIdentity() {
            @Override
            public String epoch() {
                return "ep";
            }

            @Override
            public long prunedThrough() {
                return prunedThrough;
            }
        };
        cut.maxEvents = maxEvents;
        return cut;
    }

    private static EventEnvelope event(long id) {
        return new EventEnvelope(id, "commerce", "order:updated", Set.of(id % 2 == 1 ? "a" : "b"),
                Json.createObjectBuilder().build(), Instant.EPOCH, "ep");
    }

    @Test
    void theEventsAfterTheIdWithTheKeysInPagesOldestFirst() {
        EventReplay.Missed missed = replayOver(1200, 0, 10_000).since("commerce", Set.of("a"), "ep.100");

        assertTrue(missed.complete());
        assertEquals(550, missed.events().size());
        assertEquals(101, missed.events().get(0).id());
        assertEquals(1199, missed.events().get(549).id());
        assertEquals(List.of(100L, 600L, 1100L), queriedAfter, "pages of " + EventReplay.PAGE);
    }

    @Test
    void anIdOfAnotherLogOrFromBeforeThePrunedPartOrTooFarBehindIsAGap() {
        assertEquals("the event id is from another event log", replayOver(10, 0, 100).since("commerce", Set.of("a"), "other.5").gap());
        assertEquals("events after it were deleted by the event log's retention", replayOver(10, 7, 100).since("commerce", Set.of("a"), "ep.5").gap());
        assertTrue(replayOver(10, 5, 100).since("commerce", Set.of("a"), "ep.5").complete(), "from exactly the pruned id on, nothing is missing");
        EventReplay.Missed far = replayOver(5000, 0, 100).since("commerce", Set.of("a"), "ep.0");
        assertFalse(far.complete());
        assertEquals("more than 100 events were missed", far.gap());
        assertEquals(List.of(), far.events());
        assertEquals("not an event id of this server: 42", replayOver(10, 0, 100).since("commerce", Set.of("a"), "42").gap());
    }

    @Test
    void theOpenIdsOfTheResumePointThatCommittedSinceComeFirstAndTheOthersStayOpen() {
        EventReplay.Missed missed = replayOver(12, 0, 100, Set.of(8L)).since("commerce", Set.of("a", "b"), "ep.6r10h7h8h9");

        assertTrue(missed.complete());
        assertEquals(List.of(7L, 9L, 11L, 12L), missed.events().stream().map(EventEnvelope::id).toList());
        assertEquals(List.of("ep.7r10h8h9", "ep.9r10h8", "ep.11h8", "ep.12h8"),
                missed.events().stream().map(EventEnvelope::wireId).toList(), "8 has not committed: every id still names it");
        assertEquals(List.of(10L), queriedAfter, "the log is read after the resume point, not after the event's own id");
    }
}
