package io.herald.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Synchronization;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HeraldRelayTest {

    @Test
    void anEventFiredFromASynchronizationsBeforeCompletionIsFiredWhileTheTransactionCommits() {
        assertFalse(HeraldRelay.completing(), "application code");
        AtomicBoolean seen = new AtomicBoolean();
        Synchronization flushAtCommit = new Synchronization() {
            @Override
            public void beforeCompletion() {
                seen.set(HeraldRelay.completing());
            }

            @Override
            public void afterCompletion(int status) {
            }
        };
        flushAtCommit.beforeCompletion();
        assertTrue(seen.get());
    }
}
