package io.herald.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.eventlog.control.OutboxBacklog;
import org.junit.jupiter.api.Test;

class HealthFiguresTest {

    @Test
    void anOutboxOlderThanTheLimitIsDegradedWithItsFigures() {
        long now = 1_700_000_000_000L;
        assertEquals("ok: 0 unpublished", GatewayReadiness.outboxState(OutboxBacklog.NONE, now, 60));
        assertEquals("ok: 3 unpublished", GatewayReadiness.outboxState(new OutboxBacklog(3, now - 59_000), now, 60));
        assertEquals("degraded: 12 unpublished, oldest 61 s (limit 60 s)",
                GatewayReadiness.outboxState(new OutboxBacklog(12, now - 61_500), now, 60));
    }

    @Test
    void aHealthyJvmHasNoDeadlock() {
        assertEquals("no deadlock", GatewayLiveness.deadlocks());
    }
}
