package io.herald.delivery.control;

/**
 * One connected client as the registry sees it. Implementations (a WebSocket session in the web
 * module) must never block in {@link #deliver}: they queue and send asynchronously.
 *
 * <p>The descriptive methods ({@link #product}, {@link #user}, {@link #openedAt},
 * {@link #queuedFrames}, {@link #traffic}) serve operators (metrics, the MBean, the admin page); they are read
 * when someone asks, never on the delivery path.
 */
public interface Subscriber {

    /** Unique on this node. */
    String id();

    /** Queues the event for sending in this subscriber's wire format. */
    void deliver(Delivery delivery);

    /** Closes the connection with a WebSocket close code and reason. */
    void close(int code, String reason);

    /**
     * The product whose socket this is ({@code commerce}, {@code inventory}, ...); Herald's own
     * subscribers (the cluster view, admin control) answer {@link #INTERNAL}.
     */
    default String product() {
        return INTERNAL;
    }

    /** Who is connected, in the product's terms (a user id, an organization), or {@code null} while unknown. */
    default String user() {
        return null;
    }

    /** When the connection opened, in epoch milliseconds. */
    default long openedAt() {
        return 0;
    }

    /** Frames waiting in this subscriber's send queue. */
    default int queuedFrames() {
        return 0;
    }

    /** What went over the connection so far; {@link Traffic#NONE} for a subscriber that counts nothing. */
    default Traffic traffic() {
        return Traffic.NONE;
    }

    /** The product name of Herald's own subscribers, which no client sees. */
    String INTERNAL = "herald";
}
