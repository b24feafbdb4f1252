package io.herald.pos.control;

import io.herald.common.control.LogLimiter;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The point of sale's timers, on every node: every 2 s late kitchen tickets are announced (each
 * once, by the node that claims it), at minute 0 of every hour the past hour's summaries are
 * published (each once, by the node that records it first).
 */
@Singleton
@Startup
public class PosTimers {

    private static final Logger LOG = Logger.getLogger(PosTimers.class.getName());
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));

    @Inject
    PosBackOffice backOffice;

    @Inject
    PosAnalytics analytics;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void lateTickets() {
        try {
            backOffice.announceLateTickets();
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, () -> "Announcing late kitchen tickets failed: " + e);
        }
    }

    @Schedule(hour = "*", minute = "0", second = "5", persistent = false)
    void hourlySummaries() {
        summarize(Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)));
    }

    /** Publishes the summaries of the hour starting at {@code hourStart} not yet published; @return how many */
    public int summarize(Instant hourStart) {
        int published = 0;
        for (String location : analytics.locationsPaidIn(hourStart)) {
            try {
                if (analytics.summarizeHour(location, hourStart) != null) {
                    published++;
                }
            } catch (RuntimeException e) {
                FAILURES.log(Level.WARNING, () -> "Hourly summary of " + location + " failed: " + e);
            }
        }
        return published;
    }
}
