package io.herald.operations.control;

import java.util.Map;

/**
 * One product's figures on one node: gauges now, counters since the node started.
 *
 * @param sessions open connections
 * @param subscriptions subscriptions by channel (see {@link Channels#channelOf})
 * @param handshakesAccepted connections accepted
 * @param handshakesRefused connections refused at their start, by close reason
 * @param deliveries event frames written to clients
 * @param slowClientsClosed connections closed with 1013 because they did not read
 * @param errorsAnswered error replies to client messages
 * @param queueMax the longest send queue now (frames)
 * @param queueSum frames waiting in all send queues now
 * @param latency commit-to-delivery latency over the last minute
 */
public record ProductFigures(int sessions, Map<String, Integer> subscriptions, long handshakesAccepted,
        Map<String, Long> handshakesRefused, long deliveries, long slowClientsClosed, long errorsAnswered, int queueMax,
        long queueSum, LatencyWindow.Snapshot latency) {

    public ProductFigures {
        subscriptions = Map.copyOf(subscriptions);
        handshakesRefused = Map.copyOf(handshakesRefused);
    }

    public long handshakesRefusedTotal() {
        return handshakesRefused.values().stream().mapToLong(Long::longValue).sum();
    }

    public int subscriptionsTotal() {
        return subscriptions.values().stream().mapToInt(Integer::intValue).sum();
    }
}
