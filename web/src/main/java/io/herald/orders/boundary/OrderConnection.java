package io.herald.orders.boundary;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.eventlog.control.EventReplay;
import io.herald.orders.control.ConnectRequest;
import io.herald.orders.control.OrderSession;
import io.herald.orders.control.OrdersKeys;
import io.herald.orders.control.SubscriptionRequest;
import io.herald.orders.control.SubscriptionRules;
import io.herald.socket.SocketClose;
import io.herald.socket.SocketConnection;
import io.herald.socket.SocketSubscriber;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * One open {@code /orders/ws} connection: its protocol state ({@link OrderSession}), its
 * subscriptions in the node's registry and its send queue. While a connect with a key is
 * checked, and for as long as the connection stays authenticated with it, the connection also
 * holds that key's revocation routing key: a {@code key.revoked} delivery closes it with 1008
 * instead of being forwarded.
 */
public final class OrderConnection extends SocketConnection {

    public static final String TOO_MANY_FAILURES = "Too many failed authentication attempts";
    public static final String AUTHENTICATION_TIMEOUT = "Authentication timeout";
    public static final String KEY_REVOKED = "api_key revoked";
    private static final int MAX_WATCHED_KEY = 64;

    private final SocketSubscriber out;
    private final OrderSession session;
    private final SessionRegistry registry;
    private final EventReplay replay;
    /** The key of the connect in progress or of the authenticated connection. */
    private volatile String watchedKey;
    private volatile boolean revoked;
    private volatile Future<?> deadline;

    OrderConnection(SocketSubscriber out, OrderSession session, SessionRegistry registry, EventReplay replay) {
        super(out);
        this.out = out;
        this.session = session;
        this.registry = registry;
        this.replay = replay;
    }

    /** The organization of the key it connected with; {@code null} before a successful connect. */
    @Override
    public String user() {
        return session.client().map(io.herald.orders.control.OrderClient::organizationId).orElse(null);
    }

    @Override
    public String error(String message) {
        return OrdersCodec.error(message);
    }

    @Override
    public String pong() {
        return OrdersCodec.pong();
    }

    @Override
    protected void accept(Delivery delivery) {
        EventEnvelope event = delivery.event();
        if (!OrdersKeys.PRODUCT.equals(event.product())) {
            return;
        }
        if (OrdersKeys.KEY_REVOKED.equals(event.type())) {
            String key = event.data().getString("api_key", null);
            if (key != null && key.equals(watchedKey)) {
                revoked = true;
                if (session.isAuthenticated()) {
                    close(SocketClose.POLICY_VIOLATION, KEY_REVOKED);
                }
            }
            return;
        }
        out.deliver(delivery);
    }

    String connect(ConnectRequest request) {
        String watch = null;
        if (!session.isAuthenticated() && request.apiKey() != null && request.apiKey().length() <= MAX_WATCHED_KEY) {
            // listen for a revocation before the key is checked, so that none slips between check and listen
            watch = OrdersKeys.apiKey(request.apiKey());
            revoked = false;
            watchedKey = request.apiKey();
            registry.subscribe(this, watch);
        }
        OrderSession.ConnectOutcome outcome = session.connect(request);
        if (outcome instanceof OrderSession.Connected) {
            cancelDeadline();
            if (revoked) {
                close(SocketClose.POLICY_VIOLATION, KEY_REVOKED);
                return null;
            }
            return OrdersCodec.connected();
        }
        if (watch != null) {
            registry.unsubscribe(this, watch);
            watchedKey = null;
        }
        if (outcome instanceof OrderSession.TooManyFailures) {
            close(SocketClose.POLICY_VIOLATION, TOO_MANY_FAILURES);
            return null;
        }
        return OrdersCodec.error(((OrderSession.Refused) outcome).message());
    }

    /** Subscribes a scope; with {@code lastEventId}, first replays what it had since (or says it cannot). */
    String subscribe(SubscriptionRequest request, String lastEventId) {
        SubscriptionRules.Decision decision = session.subscribe(request);
        if (decision instanceof SubscriptionRules.Granted granted) {
            if (lastEventId == null) {
                registry.subscribe(this, granted.routingKey());
                return OrdersCodec.subscription(granted, true);
            }
            String key = granted.routingKey();
            resume(key, lastEventId, e -> e.routingKeys().contains(key), () -> {
                registry.subscribe(this, key);
                out.send(OrdersCodec.subscription(granted, true));
            }, () -> replay.since(OrdersKeys.PRODUCT, Set.of(key), lastEventId),
                    gap -> OrdersCodec.gap(granted, lastEventId, gap));
            return null;
        }
        return OrdersCodec.error(((SubscriptionRules.Denied) decision).message());
    }

    String unsubscribe(SubscriptionRequest request) {
        SubscriptionRules.Decision decision = session.unsubscribe(request);
        if (decision instanceof SubscriptionRules.Granted granted) {
            registry.unsubscribe(this, granted.routingKey());
            return OrdersCodec.subscription(granted, false);
        }
        return OrdersCodec.error(((SubscriptionRules.Denied) decision).message());
    }

    /** Closes the connection unless a connect has succeeded by {@code closer}'s time. */
    void authenticateBy(Future<?> closer) {
        this.deadline = endsWithConnection(closer);
    }

    /** Run by the deadline. */
    void deadlinePassed() {
        if (!session.isAuthenticated()) {
            close(SocketClose.POLICY_VIOLATION, AUTHENTICATION_TIMEOUT);
        }
    }

    private void cancelDeadline() {
        Future<?> closer = deadline;
        if (closer != null) {
            closer.cancel(false);
        }
    }
}
