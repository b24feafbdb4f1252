package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theLimitHoldsWithinAWindowAndRefillsAfterIt() {
        ManualClock clock = new ManualClock();
        ErrorBudget cut = new ErrorBudget(3, Duration.ofSeconds(10), clock);
        assertTrue(cut.spend());
        assertTrue(cut.spend());
        clock.now = clock.now.plusSeconds(9);
        assertTrue(cut.spend());
        assertFalse(cut.spend(), "the fourth error within 10 s goes unanswered");
        assertFalse(cut.spend());
        clock.now = clock.now.plusSeconds(1);
        assertTrue(cut.spend(), "a new window starts 10 s after the first error");
    }
}
