package io.herald.operations.control;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.SessionRegistry;
import io.herald.delivery.control.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Carries out an administrator's disconnects on this node's connections: at once for the node that
 * took the request, and through {@link OperationsKeys#CONTROL} on the topic for every other node.
 */
@ApplicationScoped
public class AdminControl implements Subscriber {

    /** The close code and reason a client sees when an administrator disconnects it. */
    public static final int DISCONNECT_CODE = 1008;
    public static final String DISCONNECT_REASON = "Disconnected by an administrator";

    private static final Logger LOG = Logger.getLogger(AdminControl.class.getName());

    @Inject
    SessionRegistry registry;

    @Inject
    NodeIdentity identity;

    /** Starts receiving other nodes' requests. */
    public void listen() {
        registry.subscribe(this, OperationsKeys.CONTROL);
    }

    @Override
    public String id() {
        return "herald-admin-control";
    }

    @Override
    public void deliver(Delivery delivery) {
        JsonObject data = delivery.event().data();
        if (identity.origin().equals(data.getString("origin", ""))) {
            return; // done already when the request was made here
        }
        String type = delivery.event().type();
        if (OperationsKeys.DISCONNECT_SESSION.equals(type)) {
            disconnect(bySession(data.getString("session", "")));
        } else if (OperationsKeys.DISCONNECT_USER.equals(type)) {
            disconnect(byUser(data.getString("user", "")));
        }
    }

    @Override
    public void close(int code, String reason) {
        // not a connection
    }

    static Predicate<Subscriber> bySession(String id) {
        return s -> s.id().equals(id);
    }

    static Predicate<Subscriber> byUser(String user) {
        return s -> user.equals(s.user());
    }

    /** Closes this node's connections that {@code which} selects; @return how many */
    public int disconnect(Predicate<Subscriber> which) {
        List<Subscriber> selected = registry.subscribers().stream()
                .filter(s -> !INTERNAL.equals(s.product()))
                .filter(which)
                .toList();
        selected.forEach(s -> s.close(DISCONNECT_CODE, DISCONNECT_REASON));
        if (!selected.isEmpty()) {
            LOG.info(() -> "An administrator disconnected " + selected.size() + " connection(s)");
        }
        return selected.size();
    }
}
