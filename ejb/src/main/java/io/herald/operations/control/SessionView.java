package io.herald.operations.control;

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
 */
public record SessionView(String id, String node, String product, String user, long openedAt, List<String> subscriptions,
        int queuedFrames) {

    public SessionView {
        subscriptions = List.copyOf(subscriptions);
    }
}
