package io.herald.operations.control;

import io.herald.delivery.control.Traffic;
import java.util.List;

/**
 * One open connection as an operator sees it.
 *
 * @param id the WebSocket session id (unique in the cluster)
 * @param node the node it is connected to
 * @param product its product
 * @param user who it is in the product's terms, or {@code null} while not authenticated
 * @param openedAt when it opened (epoch ms)
 * @param subscriptions its channels (see {@link Channels#channelOf}), sorted
 * @param queuedFrames frames waiting in its send queue
 * @param traffic what went over it (remote address, frames and bytes each way, last activity)
 */
public record SessionView(String id, String node, String product, String user, long openedAt, List<String> subscriptions,
        int queuedFrames, Traffic traffic) {

    public SessionView {
        subscriptions = List.copyOf(subscriptions);
        traffic = traffic == null ? Traffic.NONE : traffic;
    }

    /** A connection whose traffic is not known (a node that does not report it). */
    public SessionView(String id, String node, String product, String user, long openedAt, List<String> subscriptions, int queuedFrames) {
        this(id, node, product, user, openedAt, subscriptions, queuedFrames, Traffic.NONE);
    }
}
