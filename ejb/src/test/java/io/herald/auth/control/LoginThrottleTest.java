package io.herald.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final long WINDOW = 300_000;
    /** The fake clock: every test passes its own times. */
    private static final long T0 = 1_000_000;

    private final LoginThrottle cut = new LoginThrottle(new LoginThrottle.Limits(10, 20, WINDOW, 10_000));

    /** {@code n} failed attempts; each must have been let through. */
    private void fail(String account, String address, int n, long now) {
        for (int i = 0; i < n; i++) {
            assertEquals(0, cut.attempt(account, address, now), "attempt " + i + " from " + address);
        }
    }

    @Test
    void anAddressThatUsedUpItsAttemptsWaitsForItsWindowEvenWithTheRightPassword() {
        fail("alice", "10.0.0.9", 10, T0);
        assertEquals(300, cut.attempt("alice", "10.0.0.9", T0));
        assertEquals(100, cut.attempt("alice", "10.0.0.9", T0 + 200_000), "Retry-After counts down to the window's end");
        assertEquals(1, cut.attempt("alice", "10.0.0.9", T0 + WINDOW - 1), "at least one second");
        assertEquals(0, cut.attempt("alice", "10.0.0.9", T0 + WINDOW), "the window has ended");
    }

    @Test
    void anAddressLimitHoldsForEveryAccountButNotForOtherAddresses() {
        fail("alice", "10.0.0.9", 10, T0);
        assertTrue(cut.attempt("bob", "10.0.0.9", T0) > 0);
        assertEquals(0, cut.attempt("alice", "10.0.0.8", T0), "another address is not held up by the address limit");
    }

    @Test
    void theAccountLimitHoldsAcrossAddresses() {
        for (int i = 0; i < 20; i++) {
            fail("alice", "10.0.1." + i, 1, T0 + i);
        }
        assertEquals(300, cut.attempt("alice", "10.0.2.1", T0 + 20), "a fresh address cannot try the locked account");
        assertEquals(0, cut.attempt("bob", "10.0.2.1", T0 + 20), "other accounts are not locked");
        assertEquals(0, cut.attempt("alice", "10.0.2.1", T0 + WINDOW), "the lock ends with the window");
    }

    @Test
    void aSuccessForgetsTheAddressButNotTheAccountsFailures() {
        fail("alice", "10.0.0.9", 9, T0);
        assertEquals(0, cut.attempt("alice", "10.0.0.9", T0));
        cut.succeeded("alice", "10.0.0.9");
        fail("alice", "10.0.0.9", 10, T0 + 1);
        assertTrue(cut.attempt("alice", "10.0.0.9", T0 + 1) > 0);
        // 9 + 10 failures on the account (the success was taken back): one more from elsewhere locks it
        fail("alice", "10.0.0.7", 1, T0 + 2);
        assertTrue(cut.attempt("alice", "10.0.0.6", T0 + 2) > 0);
    }

    @Test
    void tenThousandOtherAddressesCannotFlushAVictimsCount() {
        fail("admin", "10.0.0.9", 10, T0);
        for (int i = 0; i < 10_000; i++) {
            cut.attempt("nobody" + i, "172.16." + (i / 256) + "." + (i % 256), T0 + 1);
        }
        assertEquals(300, cut.attempt("admin", "10.0.0.9", T0 + 1), "the victim address is still counted");
        assertTrue(cut.tracked() <= 2 * 10_000, "the tables stay bounded: " + cut.tracked());
    }

    @Test
    void beyondTheCapacityNewAddressesShareOneLimitedOverflowUntilWindowsEnd() {
        LoginThrottle small = new LoginThrottle(new LoginThrottle.Limits(3, 1000, WINDOW, 5));
        for (int i = 0; i < 5; i++) {
            assertEquals(0, small.attempt("a", "10.0.0." + i, T0));
        }
        for (int i = 5; i < 8; i++) {
            assertEquals(0, small.attempt("a", "10.0.0." + i, T0), "the overflow has room for 3");
        }
        assertEquals(300, small.attempt("a", "10.0.0.99", T0), "the overflow is used up");
        assertEquals(0, small.attempt("a", "10.0.0.1", T0), "tracked addresses keep their own count");
        assertEquals(0, small.attempt("a", "10.0.0.99", T0 + WINDOW), "ended windows make room again");
        assertTrue(small.tracked() <= 5 + 5, "" + small.tracked());
    }

    @Test
    void parallelGuessesCannotOverrunTheLimit() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger let = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    if (cut.attempt("alice", "10.0.0.9", T0) == 0) {
                        let.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(10, let.get());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle.Limits(0, 1, WINDOW, 1));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle.Limits(1, 1, 10, 1));
    }
}
