package io.herald.operations.control;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Recorder;

/**
 * Commit-to-delivery latencies of the last minute. Recording is wait-free (HdrHistogram's
 * {@link Recorder}: an atomic increment, no lock shared by the sender threads); reading folds what
 * was recorded since the last read into one of six 10-second slices and merges the slices of the
 * last 60 s. Values are whole milliseconds up to an hour (longer ones count as an hour). Every
 * latency is also kept once for an exporter ({@link #drain}), which feeds a real histogram.
 */
public final class LatencyWindow {

    static final long SLICE_MS = 10_000;
    static final int SLICES = 6;
    static final long HIGHEST_MS = 3_600_000;

    private final Recorder recorder = new Recorder(HIGHEST_MS, 2);
    private final Histogram[] slices = new Histogram[SLICES];
    private final long[] sliceStarts = new long[SLICES];
    private final Histogram undrained = new Histogram(HIGHEST_MS, 2);
    private Histogram interval;

    /** Receives the latencies recorded since the last {@link #drain}: a value and how often it came. */
    @FunctionalInterface
    public interface ValueCounts {
        void accept(long millis, long count);
    }

    /** The latencies of a window, in milliseconds. */
    public record Snapshot(long count, long p50, long p90, long p99, long p999, long max) {
        public static final Snapshot EMPTY = new Snapshot(0, 0, 0, 0, 0, 0);
    }

    public LatencyWindow() {
        for (int i = 0; i < SLICES; i++) {
            slices[i] = new Histogram(HIGHEST_MS, 2);
        }
    }

    /** Records one latency (negative ones, from clocks apart, count as 0). */
    public void record(long millis) {
        recorder.recordValue(Math.max(0, Math.min(millis, HIGHEST_MS)));
    }

    /** The last minute as of {@code nowMillis}. */
    public synchronized Snapshot snapshot(long nowMillis) {
        fold(nowMillis);
        Histogram merged = new Histogram(HIGHEST_MS, 2);
        for (int i = 0; i < SLICES; i++) {
            if (nowMillis - sliceStarts[i] < SLICE_MS * SLICES) {
                merged.add(slices[i]);
            }
        }
        if (merged.getTotalCount() == 0) {
            return Snapshot.EMPTY;
        }
        return new Snapshot(merged.getTotalCount(), merged.getValueAtPercentile(50), merged.getValueAtPercentile(90),
                merged.getValueAtPercentile(99), merged.getValueAtPercentile(99.9), merged.getMaxValue());
    }

    /**
     * Hands every latency recorded since the last call to {@code to}, by value (within HdrHistogram's
     * two significant digits: exact below 256 ms), in increasing order; each latency is handed over once.
     */
    public synchronized void drain(long nowMillis, ValueCounts to) {
        fold(nowMillis);
        for (HistogramIterationValue v : undrained.recordedValues()) {
            to.accept(undrained.medianEquivalentValue(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
        }
        undrained.reset();
    }

    /** Moves what the recorder holds into the current slice and the undrained histogram. */
    private void fold(long nowMillis) {
        interval = recorder.getIntervalHistogram(interval);
        long sliceStart = nowMillis - nowMillis % SLICE_MS;
        int current = (int) ((nowMillis / SLICE_MS) % SLICES);
        if (sliceStarts[current] != sliceStart) {
            slices[current].reset();
            sliceStarts[current] = sliceStart;
        }
        slices[current].add(interval);
        undrained.add(interval);
    }
}
