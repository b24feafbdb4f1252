package io.herald.eventlog.control;

import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.EventIds;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a client that resumes a subscription missed: the durable events of its product with one of
 * the subscription's routing keys, logged after the event id it passes back, oldest first. Read in
 * pages of {@value #PAGE}; bounded by {@code herald.resume.max-events} events and ten times as many
 * rows read. When the log cannot give the whole story (the id is of another database, retention
 * deleted events after it, or more were missed than the bound) the answer is a gap with its reason
 * instead, and the client re-reads state over REST.
 */
@Stateless
public class EventReplay {

    static final int PAGE = 500;

    /** A replay: the missed events, or the reason why there is none. */
    public record Missed(List<EventEnvelope> events, String gap) {

        static Missed gap(String reason) {
            return new Missed(List.of(), reason);
        }

        public boolean complete() {
            return gap == null;
        }
    }

    @Inject
    EventLog log;

    @Inject
    LogIdentity identity;

    @Inject
    @ConfigProperty(name = "herald.resume.max-events", defaultValue = "10000")
    int maxEvents;

    /**
     * The events after {@code lastEventId} (as the client saw it) with one of {@code keys}: those
     * logged after its resume point, and before them those of its open ids (see {@link EventIds})
     * that have committed since. Each replayed event carries the open ids still missing.
     */
    public Missed since(String product, Set<String> keys, String lastEventId) {
        Optional<EventIds.Point> point = EventIds.parse(lastEventId);
        if (point.isEmpty()) {
            return Missed.gap("not an event id of this server: " + lastEventId);
        }
        if (!point.get().epoch().equals(identity.epoch())) {
            return Missed.gap("the event id is from another event log");
        }
        long after = point.get().after();
        if (after < identity.prunedThrough()) {
            return Missed.gap("events after it were deleted by the event log's retention");
        }
        List<EventEnvelope> committed = point.get().open().isEmpty() ? List.of() : log.withIds(point.get().open());
        List<Long> missing = new ArrayList<>(point.get().open());
        committed.forEach(e -> missing.removeIf(id -> id == e.id()));
        List<EventEnvelope> late = committed.stream().filter(e -> e.product().equals(product)).toList();
        List<EventEnvelope> missed = new ArrayList<>();
        for (int i = 0; i < late.size(); i++) {
            EventEnvelope e = late.get(i);
            if (!Collections.disjoint(e.routingKeys(), keys)) {
                List<Long> stillOpen = new ArrayList<>(missing);
                late.subList(i + 1, late.size()).forEach(l -> stillOpen.add(l.id()));
                Collections.sort(stillOpen);
                missed.add(e.resumingAt(after, stillOpen));
            }
        }
        long read = late.size();
        while (true) {
            List<EventEnvelope> page = log.after(product, after, PAGE);
            for (EventEnvelope e : page) {
                if (!Collections.disjoint(e.routingKeys(), keys)) {
                    missed.add(e.resumingAt(e.id(), missing));
                }
            }
            read += page.size();
            if (missed.size() > maxEvents || read > 10L * maxEvents) {
                return Missed.gap("more than " + maxEvents + " events were missed");
            }
            if (page.size() < PAGE) {
                return new Missed(missed, null);
            }
            after = page.get(page.size() - 1).id();
        }
    }
}
