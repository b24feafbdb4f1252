package io.herald.eventlog.control;

import io.herald.common.control.LogLimiter;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.EventPublisher;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the event log healthy. Publishes durable events that stayed unpublished longer than {@code herald.outbox.repair-after-ms}
 * (a crash between commit and send, a broker outage). Every node runs it; the fan-out drops the
 * duplicates this can cause. Once an hour it deletes published events older than
 * {@code herald.eventlog.retention-hours}.
 */
@Singleton
@Startup
public class OutboxRepair {

    private static final Logger LOG = Logger.getLogger(OutboxRepair.class.getName());
    private static final int BATCH = 500;
    /** Every 5 s during an outage on every node: one line per minute. */
    private static final LogLimiter REPUBLISHING = new LogLimiter(LOG, Duration.ofMinutes(1));

    @Inject
    EventLog eventLog;

    @Inject
    EventPublisher publisher;

    @Inject
    @ConfigProperty(name = "herald.outbox.repair-after-ms", defaultValue = "5000")
    long repairAfterMs;

    @Inject
    @ConfigProperty(name = "herald.eventlog.retention-hours", defaultValue = "72")
    long retentionHours;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void prune() {
        int deleted = eventLog.prunePublishedBefore(Instant.now().minus(Duration.ofHours(retentionHours)));
        if (deleted > 0) {
            LOG.info(() -> "Deleted " + deleted + " published events older than " + retentionHours + " h from the event log");
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void repair() {
        List<EventEnvelope> stale = eventLog.unpublishedBefore(Instant.now().minusMillis(repairAfterMs), BATCH);
        if (!stale.isEmpty()) {
            REPUBLISHING.log(Level.INFO, () -> "Re-publishing " + stale.size() + " unpublished events from the event log, first id " + stale.get(0).id());
            publisher.publish(stale);
        }
    }
}
