package io.herald.operations.control;

import java.util.List;
import java.util.Map;

/**
 * One node's state as of {@code at}, which every node publishes every few seconds so that any of
 * them can show the whole cluster.
 *
 * @param node the node's name ({@code herald.node.name})
 * @param at when it was taken (epoch ms)
 * @param delivery {@code live} or {@code catching-up} (see {@code OrderedFanout})
 * @param eventsFromTopic events received from the topic since the node started
 * @param duplicatesDropped events dropped as already handed over
 * @param products each product's figures, by product name
 * @param sessions up to {@link NodeStatus#MAX_LISTED} open connections, newest first
 * @param sessionsTotal all open connections
 */
public record NodeStatus(String node, long at, String delivery, long eventsFromTopic, long duplicatesDropped,
        Map<String, ProductFigures> products, List<SessionView> sessions, int sessionsTotal) {

    /** How many connections a status lists at most. */
    public static final int MAX_LISTED = 200;

    public NodeStatus {
        products = Map.copyOf(products);
        sessions = List.copyOf(sessions);
    }

    public long deliveries() {
        return products.values().stream().mapToLong(ProductFigures::deliveries).sum();
    }
}
