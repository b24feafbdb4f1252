package io.herald.trading.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private long now;
    private final TokenBucket cut = new TokenBucket(10, 3, () -> now);

    @Test
    void aBurstPassesThenTheRateRefills() {
        assertTrue(cut.take());
        assertTrue(cut.take());
        assertTrue(cut.take());
        assertFalse(cut.take(), "the burst is spent");

        now += TimeUnit.MILLISECONDS.toNanos(100);
        assertTrue(cut.take(), "10 per second: one token after 100 ms");
        assertFalse(cut.take());

        now += TimeUnit.SECONDS.toNanos(60);
        assertTrue(cut.take());
        assertTrue(cut.take());
        assertTrue(cut.take());
        assertFalse(cut.take(), "never more than the burst");
    }

    @Test
    void rateAndBurstMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, () -> 0));
    }
}
