package io.herald.delivery.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.herald.operations.control.GatewayMeter;
import io.herald.operations.control.RecentEvents;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands each event from the topic to the matching subscribers of this node, once per event id. */
@ApplicationScoped
public class Fanout {

    private static final Logger LOG = Logger.getLogger(Fanout.class.getName());

    @Inject
    SessionRegistry registry;

    @Inject
    GatewayMeter meter;

    @Inject
    RecentEvents recentEvents;

    @Inject
    @ConfigProperty(name = "herald.dedupe.window", defaultValue = "100000")
    int dedupeWindow;

    private RecentIds recent;

    @PostConstruct
    void init() {
        recent = new RecentIds(dedupeWindow);
    }

    /** @return how many subscribers the event was queued for; {@code -1} for a duplicate */
    public int deliver(EventEnvelope event) {
        if (event.durable() && !recent.firstSighting(event.id())) {
            LOG.fine(() -> "Dropped duplicate event " + event.id());
            meter.duplicateDropped();
            return -1;
        }
        Set<Subscriber> targets = registry.match(event.routingKeys());
        if (targets.isEmpty()) {
            recentEvents.offer(event, 0);
            return 0;
        }
        Delivery delivery = new Delivery(event);
        for (Subscriber s : targets) {
            try {
                s.deliver(delivery);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivery to subscriber " + s.id() + " failed", e);
            }
        }
        recentEvents.offer(event, targets.size());
        return targets.size();
    }
}
