package io.herald.operations.control;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.SessionRegistry;
import io.herald.delivery.control.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The other nodes as their last {@link NodeStatus} shows them. It is a subscriber of this node's
 * registry on {@link OperationsKeys#NODES}, so statuses arrive over the topic like any event. A
 * node not heard from for {@value #FORGET_AFTER_MS} ms is left out.
 */
@ApplicationScoped
public class ClusterView implements Subscriber {

    static final long FORGET_AFTER_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(ClusterView.class.getName());

    @Inject
    SessionRegistry registry;

    @Inject
    NodeIdentity identity;

    private final Map<String, NodeStatus> nodes = new ConcurrentHashMap<>();

    /** Starts receiving statuses. */
    public void listen() {
        registry.subscribe(this, OperationsKeys.NODES);
    }

    @Override
    public String id() {
        return "herald-cluster-view";
    }

    @Override
    public void deliver(Delivery delivery) {
        if (!OperationsKeys.NODE_STATUS.equals(delivery.event().type())) {
            return;
        }
        try {
            NodeStatus status = NodeStatusJson.read(delivery.event().data());
            if (!status.node().equals(identity.name())) {
                nodes.put(status.node(), status);
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "Ignored an unreadable node status: " + e);
        }
    }

    @Override
    public void close(int code, String reason) {
        // not a connection
    }

    /** The other nodes heard from lately, by name. */
    public List<NodeStatus> others(long nowMillis) {
        nodes.values().removeIf(s -> nowMillis - s.at() > FORGET_AFTER_MS);
        return nodes.values().stream().sorted(Comparator.comparing(NodeStatus::node)).toList();
    }
}
