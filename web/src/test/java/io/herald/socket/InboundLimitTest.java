package io.herald.socket;

import static io.herald.socket.InboundLimit.Verdict.CLOSE;
import static io.herald.socket.InboundLimit.Verdict.PASS;
import static io.herald.socket.InboundLimit.Verdict.REFUSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboundLimitTest {

    private long now;
    private final InboundLimit cut = new InboundLimit(new InboundLimit.Settings(10, 3, 4), () -> now);

    @Test
    void aBurstPassesThenTheRateRefills() {
        assertEquals(PASS, cut.take());
        assertEquals(PASS, cut.take());
        assertEquals(PASS, cut.take());
        assertEquals(REFUSE, cut.take(), "the burst is spent");

        now += TimeUnit.MILLISECONDS.toNanos(100);
        assertEquals(PASS, cut.take(), "10 per second: one token after 100 ms");
        assertEquals(REFUSE, cut.take());

        now += TimeUnit.SECONDS.toNanos(60);
        assertEquals(PASS, cut.take());
        assertEquals(PASS, cut.take());
        assertEquals(PASS, cut.take());
        assertEquals(REFUSE, cut.take(), "never more than the burst");
    }

    @Test
    void aFloodIsClosedEvenWhenSomeOfItPasses() {
        for (int i = 0; i < 3; i++) {
            cut.take();
        }
        assertEquals(REFUSE, cut.take());
        assertEquals(REFUSE, cut.take());
        now += TimeUnit.MILLISECONDS.toNanos(100);
        assertEquals(PASS, cut.take(), "a token came back in between");
        assertEquals(REFUSE, cut.take());
        assertEquals(CLOSE, cut.take(), "the fourth refusal within 10 s");
    }

    @Test
    void refusalsFarApartNeverClose() {
        for (int i = 0; i < 3; i++) {
            cut.take();
        }
        for (int i = 0; i < 20; i++) {
            now += TimeUnit.SECONDS.toNanos(4);
            for (int t = 0; t < 3; t++) {
                assertEquals(PASS, cut.take());
            }
            assertEquals(REFUSE, cut.take(), "one refusal every 4 s");
        }
    }

    @Test
    void settingsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new InboundLimit.Settings(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new InboundLimit.Settings(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new InboundLimit.Settings(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new InboundLimit.Settings(Double.NaN, 1, 1));
    }
}
