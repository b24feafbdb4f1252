package io.herald.bench;

/**
 * One line of the report. Unmeasured figures are {@code -1}.
 *
 * @param scenario what was measured, e.g. {@code fan-out REST}
 * @param target {@code herald} or {@code peer}
 */
public record Result(String scenario, String target, int subscribers, int events, double deliveriesPerSecond, long missing,
        double p50, double p99, double p999, double max, double heapBytesPerConnection, double rssBytesPerConnection,
        double handshakesPerSecond, int threadsBefore, int threadsAfter, String note) {

    static Result deliveries(String scenario, String target, int subscribers, int events, double perSecond, long missing, Latencies latency) {
        return deliveries(scenario, target, subscribers, events, perSecond, missing, latency.p50(), latency.p99(), latency.p999(), latency.max());
    }

    /** A delivery row from latencies measured elsewhere (the Node subscribers), in ms; {@code -1}: none. */
    static Result deliveries(String scenario, String target, int subscribers, int events, double perSecond, long missing,
            double p50, double p99, double p999, double max) {
        return new Result(scenario, target, subscribers, events, perSecond, missing, p50, p99, p999, max, -1, -1, -1, -1, -1, "");
    }

    static Result connections(String target, int connections, double handshakesPerSecond, double heapPerConnection,
            double rssPerConnection, int threadsBefore, int threadsAfter, String note) {
        return new Result("idle connections", target, connections, 0, -1, 0, -1, -1, -1, -1, heapPerConnection,
                rssPerConnection, handshakesPerSecond, threadsBefore, threadsAfter, note);
    }

    Result withNote(String text) {
        return new Result(scenario, target, subscribers, events, deliveriesPerSecond, missing, p50, p99, p999, max,
                heapBytesPerConnection, rssBytesPerConnection, handshakesPerSecond, threadsBefore, threadsAfter, text);
    }
}
