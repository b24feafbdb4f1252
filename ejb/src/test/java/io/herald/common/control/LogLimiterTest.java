package io.herald.common.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogLimiterTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final Logger logger = Logger.getLogger("log-limiter-test-" + System.nanoTime());
    private final LogLimiter cut;

    LogLimiterTest() {
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        cut = new LogLimiter(logger, Duration.ofSeconds(10), now::get);
    }

    @Test
    void oneLinePerIntervalAndTheNextSaysHowManyWereLeftOut() {
        assertTrue(cut.log(Level.WARNING, () -> "client 1 too slow"));
        assertFalse(cut.log(Level.WARNING, () -> "client 2 too slow"));
        assertFalse(cut.log(Level.WARNING, () -> "client 3 too slow"));

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(cut.log(Level.WARNING, () -> "client 4 too slow"));

        assertEquals(List.of("client 1 too slow", "client 4 too slow (2 more like it in the last 10 s not logged)"), lines);
    }

    @Test
    void levelsThatAreOffCostNothing() {
        logger.setLevel(Level.SEVERE);

        assertFalse(cut.log(Level.WARNING, () -> {
            throw new AssertionError("not built");
        }));
        assertEquals(List.of(), lines);
    }
}
