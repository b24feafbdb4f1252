package io.herald.trading.boundary;

import io.herald.auth.control.InvalidTokenException;
import io.herald.auth.control.TokenVerifier;
import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.socket.SocketClose;
import io.herald.socket.SocketConnection;
import io.herald.socket.SocketSubscriber;
import io.herald.socket.SocketTimers;
import io.herald.trading.control.AdminNotices;
import io.herald.trading.control.DeliveryReceipts;
import io.herald.trading.control.TradingNotifications;
import io.herald.trading.control.TradingKeys;
import io.herald.eventlog.control.EventReplay;
import io.herald.trading.control.TradingRooms;
import io.herald.trading.control.UserConnections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One open {@code /trading/ws} connection: unauthenticated until a token is accepted (from the
 * upgrade's header or an {@code auth} message), then its rooms and channels, which decide the
 * routing keys it listens to and which events it is sent.
 */
public final class TradingConnection extends SocketConnection {

    /** What a connection needs from the node. */
    record Services(TokenVerifier verifier, SessionRegistry registry, UserConnections users, SocketTimers timers,
            TradingRooms rooms, DeliveryReceipts receipts, EventReplay replay, int maxConnectionsPerUser, AdminNotices admins) {
    }

    private final Services services;
    private final Object lock = new Object();
    // guarded by lock
    private VerifiedToken token;
    private int adminLevel;
    private final Set<String> rooms = new LinkedHashSet<>();
    private final Set<String> keys = new HashSet<>();
    private volatile Set<String> roomsSnapshot = Set.of();
    /** The highest level of the admin rooms held ({@code 0}: none): administrative events at or below it are sent. */
    private volatile int adminRoomLevel;

    TradingConnection(SocketSubscriber out, Services services) {
        super(out);
        this.services = services;
    }

    @Override
    public String user() {
        synchronized (lock) {
            return token == null ? null : token.subject();
        }
    }

    boolean isAuthenticated() {
        synchronized (lock) {
            return token != null;
        }
    }

    @Override
    public String error(String message) {
        return TradingCodec.error(TradingCodec.INVALID_MESSAGE, message);
    }

    @Override
    public String pong() {
        return isAuthenticated() ? TradingCodec.pong() : notAuthenticated();
    }

    private static String notAuthenticated() {
        return TradingCodec.error(TradingCodec.AUTHENTICATION_REQUIRED, "Authenticate first: {\"type\":\"auth\",\"token\":\"<JWT>\"}");
    }

    /** Document 004's answer to a message over the rate limit. */
    @Override
    public String rateLimited() {
        return TradingCodec.error(TradingCodec.RATE_LIMIT_EXCEEDED, RATE_LIMITED);
    }

    /** Verifies the token and joins the automatic rooms; a refusal answers the error and then closes with 1008. @return the reply */
    String authenticate(String raw) {
        if (isAuthenticated()) {
            return TradingCodec.error(TradingCodec.ALREADY_AUTHENTICATED, "This connection is authenticated already");
        }
        VerifiedToken verified;
        try {
            verified = services.verifier().verify(raw);
        } catch (InvalidTokenException e) {
            return refuse(TradingCodec.error(TradingCodec.AUTHENTICATION_FAILED, e.reason()), e.reason());
        }
        if (!services.users().tryOpen(verified.subject(), services.maxConnectionsPerUser())) {
            services.admins().connectionLimitExceeded(verified.subject(), services.maxConnectionsPerUser());
            String message = "User " + verified.subject() + " has " + services.maxConnectionsPerUser() + " connections open already";
            return refuse(TradingCodec.error(TradingCodec.CONNECTION_LIMIT, message), "Connection limit reached");
        }
        synchronized (lock) {
            token = verified;
            adminLevel = verified.hasGroup(TradingRooms.ADMIN_GROUP) ? Math.max(1, verified.adminLevel()) : 0;
            rooms.addAll(TradingRooms.automatic(verified, adminLevel));
            relisten();
        }
        endsWithConnection(services.timers().at(verified.expiresAt(), () -> close(SocketClose.POLICY_VIOLATION, "Token expired")));
        return TradingCodec.connected(verified.subject(), id());
    }

    /** Sends the refusal, then closes with 1008 once it is written; @return {@code null} (nothing more to reply) */
    private String refuse(String error, String reason) {
        out().send(error);
        out().closeWhenSent(SocketClose.POLICY_VIOLATION, reason);
        return null;
    }

    /** Closes the connection unless it has authenticated (run by the authentication deadline). */
    void authenticationDeadline() {
        if (!isAuthenticated()) {
            close(SocketClose.POLICY_VIOLATION, "Authentication timeout");
        }
    }

    /** Joins a room; with {@code lastEventId}, first replays what the room had since (or says it cannot). */
    String subscribe(String room, String lastEventId) {
        synchronized (lock) {
            if (token == null) {
                return notAuthenticated();
            }
            Optional<String> refusal = services.rooms().refusal(room, token, adminLevel);
            if (refusal.isPresent()) {
                return TradingCodec.error(TradingCodec.INVALID_ROOM, refusal.get());
            }
            if (lastEventId == null) {
                return join(room);
            }
        }
        Set<String> own = TradingRooms.routingKeys(room);
        boolean roomOfItsOwn = !own.isEmpty() && !own.contains(TradingKeys.ALL_MARKETS);
        Set<String> keys = !own.isEmpty() ? own : Set.of(room.equals("system") ? TradingKeys.SYSTEM : TradingKeys.user(token.subject()));
        Predicate<EventEnvelope> ofRoom = e -> roomOfItsOwn || room.equals(TradingCodec.CHANNEL_OF.get(e.type()));
        resume(room, lastEventId, e -> e.routingKeys().stream().anyMatch(keys::contains) && ofRoom.test(e), () -> {
            synchronized (lock) {
                out().send(join(room));
            }
        }, () -> missedIn(keys, ofRoom, lastEventId), gap -> TradingCodec.gap(room, lastEventId, gap));
        return null;
    }

    /**
     * The room's events since {@code lastEventId}: a market, user or admin room has routing keys of
     * its own (an admin room those of its level and below); a channel room (positions, alerts,
     * market_data, …) is the channel's events among those of the user's key (or of all markets, or
     * the system key), so that resuming one channel does not replay another's.
     */
    private EventReplay.Missed missedIn(Set<String> keys, Predicate<EventEnvelope> ofRoom, String lastEventId) {
        EventReplay.Missed missed = services.replay().since(TradingKeys.PRODUCT, keys, lastEventId);
        return missed.complete() ? new EventReplay.Missed(missed.events().stream().filter(ofRoom).toList(), null) : missed;
    }

    private String join(String room) {
        rooms.add(room);
        relisten();
        return TradingCodec.roomSubscription(room, "subscribed", rooms);
    }

    String unsubscribe(String room) {
        synchronized (lock) {
            if (token == null) {
                return notAuthenticated();
            }
            if (room == null || !rooms.contains(room)) {
                return TradingCodec.error(TradingCodec.INVALID_ROOM, "Not subscribed to " + room);
            }
            rooms.remove(room);
            relisten();
            return TradingCodec.roomSubscription(room, "unsubscribed", rooms);
        }
    }

    String listRooms() {
        synchronized (lock) {
            return token == null ? notAuthenticated() : TradingCodec.roomList(rooms);
        }
    }

    /** Listens to the routing keys the held rooms need, and only those. */
    private void relisten() {
        Set<String> needed = new HashSet<>();
        needed.add(TradingKeys.SYSTEM);
        for (String room : rooms) {
            needed.addAll(TradingRooms.routingKeys(room));
        }
        List<String> drop = new ArrayList<>(keys);
        drop.removeAll(needed);
        for (String key : needed) {
            if (keys.add(key)) {
                services.registry().subscribe(this, key);
            }
        }
        for (String key : drop) {
            keys.remove(key);
            services.registry().unsubscribe(this, key);
        }
        roomsSnapshot = Set.copyOf(rooms);
        adminRoomLevel = TradingRooms.adminLevel(rooms);
    }

    /**
     * Sends an event when a held room or channel asks for it (system events always), or when it is
     * an administrative event at or below the level of a held admin room.
     */
    @Override
    protected void accept(Delivery delivery) {
        EventEnvelope event = delivery.event();
        if (!TradingKeys.PRODUCT.equals(event.product())) {
            return;
        }
        String channel = TradingCodec.CHANNEL_OF.get(event.type());
        if (channel == null) {
            return;
        }
        Set<String> held = roomsSnapshot;
        boolean inHeldRoom = switch (channel) {
            case "system" -> true;
            case "market_data", "historical_data" -> held.contains(channel) || held.contains("market:" + event.data().getString("symbol", ""));
            default -> held.contains(channel); // the user's own events, routed by the user room's key
        };
        if (inHeldRoom || forAdminRooms(event)) {
            out().deliver(delivery);
            if (TradingNotifications.CREATED.equals(event.type())) {
                services.receipts().handedToSocket(event.data().getString("userId", ""), event.data().getString("id", ""));
            }
        }
    }

    /** Whether {@code event} is administrative (it has an admin key) and a held admin room's level reaches it. */
    private boolean forAdminRooms(EventEnvelope event) {
        int held = adminRoomLevel;
        if (held == 0) {
            return false;
        }
        int level = TradingKeys.adminLevel(event.routingKeys());
        return level >= 1 && level <= held;
    }

    @Override
    protected void closed() {
        super.closed();
        VerifiedToken t;
        synchronized (lock) {
            t = token;
        }
        if (t != null) {
            services.users().closed(t.subject());
        }
    }
}
