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

    /** The events after {@code lastEventId} (as the client saw it) with one of {@code keys}. */
    public Missed since(String product, Set<String> keys, String lastEventId) {
        Optional<EventIds.Point> point = EventIds.parse(lastEventId);
        if (point.isEmpty()) {
            return Missed.gap("not an event id of this server: " + lastEventId);
        }
        if (!point.get().epoch().equals(identity.epoch())) {
            return Missed.gap("the event id is from another event log");
        }
        long after = point.get().id();
        if (after < identity.prunedThrough()) {
            return Missed.gap("events after it were deleted by the event log's retention");
        }
        List<EventEnvelope> missed = new ArrayList<>();
        long read = 0;
        while (true) {
            List<EventEnvelope> page = log.after(product, after, PAGE);
            for (EventEnvelope e : page) {
                if (!Collections.disjoint(e.routingKeys(), keys)) {
                    missed.add(e);
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
