package io.herald.delivery.control;

/**
 * One connected client as the registry sees it. Implementations (a WebSocket session in the web
 * module) must never block in {@link #deliver}: they queue and send asynchronously.
 */
public interface Subscriber {

    /** Unique on this node. */
    String id();

    /** Queues the event for sending in this subscriber's wire format. */
    void deliver(Delivery delivery);

    /** Closes the connection with a WebSocket close code and reason. */
    void close(int code, String reason);
}
