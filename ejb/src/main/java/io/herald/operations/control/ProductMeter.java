package io.herald.operations.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one product on this node. Every method the delivery path calls is a
 * {@link LongAdder} increment (per-thread cells, no shared lock) or a wait-free latency record.
 */
public final class ProductMeter {

    /** Distinct refusal reasons kept apart; further ones are counted under {@value #OTHER_REASON}. */
    static final int MAX_REASONS = 32;
    static final String OTHER_REASON = "other";

    private final String product;
    private final LongAdder accepted = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder slowClientsClosed = new LongAdder();
    private final LongAdder errorsAnswered = new LongAdder();
    private final LatencyWindow latency = new LatencyWindow();

    public ProductMeter(String product) {
        this.product = product;
    }

    public String product() {
        return product;
    }

    public void handshakeAccepted() {
        accepted.increment();
    }

    /** A connection refused at its start (authentication, limits); {@code reason} is the close reason. */
    public void handshakeRefused(String reason) {
        String key = reason == null || reason.isBlank() ? OTHER_REASON : reason;
        LongAdder counter = refused.get(key);
        if (counter == null) {
            counter = refused.size() < MAX_REASONS ? refused.computeIfAbsent(key, k -> new LongAdder())
                    : refused.computeIfAbsent(OTHER_REASON, k -> new LongAdder());
        }
        counter.increment();
    }

    /**
     * An event frame was written to a client's socket.
     * @param committedAt when the event was committed (epoch ms), {@code 0} when not to be timed (a replay)
     */
    public void delivered(long committedAt, long nowMillis) {
        deliveries.increment();
        if (committedAt > 0) {
            latency.record(nowMillis - committedAt);
        }
    }

    public void slowClientClosed() {
        slowClientsClosed.increment();
    }

    public void errorAnswered() {
        errorsAnswered.increment();
    }

    public long handshakesAccepted() {
        return accepted.sum();
    }

    /** Refusals by reason, sorted by reason. */
    public Map<String, Long> handshakesRefused() {
        Map<String, Long> copy = new TreeMap<>();
        refused.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }

    public long handshakesRefusedTotal() {
        return refused.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long deliveries() {
        return deliveries.sum();
    }

    public long slowClientsClosed() {
        return slowClientsClosed.sum();
    }

    public long errorsAnswered() {
        return errorsAnswered.sum();
    }

    /** Commit-to-delivery latency over the last minute. */
    public LatencyWindow.Snapshot latency(long nowMillis) {
        return latency.snapshot(nowMillis);
    }
}
