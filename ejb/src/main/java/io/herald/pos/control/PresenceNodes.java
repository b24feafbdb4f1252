package io.herald.pos.control;

import io.herald.common.control.LogLimiter;
import io.herald.delivery.control.EventPublisher;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@value #BEAT_SECONDS} s this node records that it is alive and removes the presence of
 * nodes silent for {@code herald.pos.presence-node-timeout-seconds} (15 by default): users on a
 * node that was killed leave within that time plus one beat.
 */
@Singleton
@Startup
// no container lock: node() is read on every connection while beat() talks to the database
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PresenceNodes {

    static final int BEAT_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(PresenceNodes.class.getName());
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));

    @Inject
    Presence presence;

    @Inject
    EventPublisher publisher;

    @Inject
    @ConfigProperty(name = "herald.pos.presence-node-timeout-seconds", defaultValue = "15")
    long timeoutSeconds;

    /** This node's id in presence entries: the publisher's origin id (new on every start). */
    public String node() {
        return publisher.origin();
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + BEAT_SECONDS, persistent = false)
    void beat() {
        try {
            presence.beat(node());
            int removed = presence.removeDeadNodes(Duration.ofSeconds(timeoutSeconds).toMillis());
            if (removed > 0) {
                LOG.info(() -> "Removed the presence of " + removed + " connections of nodes silent for " + timeoutSeconds + " s");
            }
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, () -> "Presence heartbeat failed: " + e);
        }
    }
}
