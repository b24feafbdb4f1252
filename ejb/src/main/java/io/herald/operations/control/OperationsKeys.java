package io.herald.operations.control;

import io.herald.delivery.control.Subscriber;

/** The routing keys and event types of Herald's own messages between nodes, which no client can subscribe to. */
public final class OperationsKeys {

    /** Every node's {@link NodeStatus}, every {@code herald.operations.status-every-seconds}. */
    public static final String NODES = Subscriber.INTERNAL + ":nodes";
    public static final String NODE_STATUS = "node_status";
    /** Actions an administrator takes on every node's connections. */
    public static final String CONTROL = Subscriber.INTERNAL + ":control";
    public static final String DISCONNECT_SESSION = "disconnect_session";
    public static final String DISCONNECT_USER = "disconnect_user";

    private OperationsKeys() {
    }
}
