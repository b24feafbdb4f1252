package io.herald.operations.control;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one product on this node. Every method the delivery path calls is a
 * {@link LongAdder} increment (per-thread cells, no shared lock) or a wait-free latency record.
 */
public final class ProductMeter {

    private final String product;
    private final LongAdder accepted = new LongAdder();
    private final Map<RefusalReason, LongAdder> refused = new EnumMap<>(RefusalReason.class);
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder slowClientsClosed = new LongAdder();
    private final LongAdder errorsAnswered = new LongAdder();
    private final LatencyWindow latency = new LatencyWindow();

    public ProductMeter(String product) {
        this.product = product;
        for (RefusalReason reason : RefusalReason.values()) {
            refused.put(reason, new LongAdder());
        }
    }

    public String product() {
        return product;
    }

    public void handshakeAccepted() {
        accepted.increment();
    }

    /**
     * A connection refused at its start (authentication, limits); {@code reason} is the close reason,
     * counted under its {@link RefusalReason} label (the text itself is not kept).
     */
    public void handshakeRefused(String reason) {
        refused.get(RefusalReason.of(reason)).increment();
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

    /** Refusals by {@link RefusalReason} label, sorted by label; labels never used are left out. */
    public Map<String, Long> handshakesRefused() {
        Map<String, Long> copy = new TreeMap<>();
        refused.forEach((reason, count) -> {
            long n = count.sum();
            if (n > 0) {
                copy.put(reason.label(), n);
            }
        });
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

    /** The latencies recorded since the last call, for the metrics histogram ({@link LatencyWindow#drain}). */
    public void drainLatencies(long nowMillis, LatencyWindow.ValueCounts to) {
        latency.drain(nowMillis, to);
    }
}
