package io.herald.operations.boundary;

import io.herald.eventlog.control.OutboxBacklog;
import io.herald.operations.control.NodeStatus;

/** Where the node's figures go once a second; {@link MicroProfileMetrics} when the server has MicroProfile Metrics. */
interface MetricsSink {

    /** @param backlog the outbox, {@code null} when the database did not answer */
    void publish(NodeStatus node, OutboxBacklog backlog, long nowMillis);

    /** {@code count} deliveries of {@code product} took {@code millis} from commit to the written frame. */
    void latency(String product, long millis, long count);
}
