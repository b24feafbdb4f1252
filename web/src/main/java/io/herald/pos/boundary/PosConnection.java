package io.herald.pos.boundary;

import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.eventlog.control.EventReplay;
import io.herald.pos.control.PosChannel;
import io.herald.pos.control.PosError;
import io.herald.pos.control.PosFilter;
import io.herald.pos.control.PosKeys;
import io.herald.pos.control.PosRefused;
import io.herald.pos.control.PosSubscriptions;
import io.herald.pos.control.Presence;
import io.herald.pos.control.PresenceJoins;
import io.herald.socket.SocketConnection;
import io.herald.socket.SocketSubscriber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * One open {@code /pos/v1/ws} connection: the caller's token and its subscriptions. An event is
 * sent once per connection, with the ids of every subscription it passes; one it passes none of
 * is not sent.
 */
public final class PosConnection extends SocketConnection {

    /** The key of the part of an event's frame every connection shares (see {@link Delivery#encoded}). */
    private static final Object EVENT_TAIL = PosConnection.class.getName() + ".eventTail";

    /** The most characters a presence's {@code user_info} may have as JSON text. */
    static final int MAX_USER_INFO = 2048;

    private final EventReplay replay;
    private final VerifiedToken token;
    private final SessionRegistry registry;
    private final PosSubscriptions subscriptions;
    private final Presence presence;
    private final String node;
    private final PresenceJoins joins;

    PosConnection(SocketSubscriber out, VerifiedToken token, SessionRegistry registry, int subscriptionLimit, Presence presence, String node,
            EventReplay replay, PresenceJoins joins) {
        super(out);
        this.joins = joins;
        this.replay = replay;
        this.token = token;
        this.registry = registry;
        this.subscriptions = new PosSubscriptions(subscriptionLimit);
        this.presence = presence;
        this.node = node;
    }

    @Override
    public String user() {
        return token.subject();
    }

    VerifiedToken token() {
        return token;
    }

    PosSubscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    public String error(String message) {
        return PosCodec.error(null, PosError.invalidMessage(message));
    }

    @Override
    public String pong() {
        return PosCodec.pong();
    }

    @Override
    public String rateLimited() {
        return PosCodec.error(null, PosError.rateLimited(RATE_LIMITED));
    }

    @Override
    protected void accept(Delivery delivery) {
        EventEnvelope event = delivery.event();
        if (!PosKeys.PRODUCT.equals(event.product())) {
            return;
        }
        if (event.type().equals(Presence.JOINED) || event.type().equals(Presence.LEFT)) {
            // routed by channel and location: this connection subscribed to both
            out().sendEvent(PosCodec.presence(event), delivery);
            return;
        }
        Optional<PosChannel> channel = PosChannel.ofEvent(event.type());
        if (channel.isEmpty()) {
            return;
        }
        List<String> ids = subscriptions.matching(event);
        if (!ids.isEmpty()) {
            out().sendEvent(PosCodec.event(channel.get().wireName(), ids, event, delivery.encoded(EVENT_TAIL, PosCodec::eventTail)), delivery);
        }
    }

    /**
     * Subscribes; with {@code lastEventId}, first replays the events since that this subscription's
     * filter matches (under this subscription's id only), or says it cannot.
     */
    String subscribe(JsonValue id, String channelName, JsonValue params, String lastEventId) {
        Optional<PosChannel> channel = PosChannel.named(channelName);
        if (channel.isEmpty()) {
            return PosCodec.error(id, PosError.channelNotFound(channelName));
        }
        try {
            PosFilter filter = PosFilter.of(channel.get(), params, token);
            PosSubscriptions.Change change = subscriptions.add(filter, params instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT);
            PosSubscriptions.Subscription added = change.subscriptions().get(0);
            if (lastEventId == null) {
                change.keys().forEach(key -> registry.subscribe(this, key));
                return PosCodec.subscribed(id, added);
            }
            resume(added.id(), lastEventId, filter::matches, () -> {
                change.keys().forEach(key -> registry.subscribe(this, key));
                out().send(PosCodec.subscribed(id, added));
            }, () -> {
                EventReplay.Missed missed = replay.since(PosKeys.PRODUCT, filter.routingKeys(), lastEventId);
                return missed.complete() ? new EventReplay.Missed(missed.events().stream().filter(filter::matches).toList(), null) : missed;
            }, gap -> PosCodec.gap(id, added, lastEventId, gap),
                    e -> PosChannel.ofEvent(e.type()).ifPresent(c -> out().sendEvent(PosCodec.event(c.wireName(), List.of(added.id()), e, PosCodec.eventTail(e)), Delivery.replayed(e))));
            return null;
        } catch (PosRefused refused) {
            return PosCodec.error(id, refused.error());
        }
    }

    String presenceJoin(JsonValue id, String channelName, JsonValue params, JsonValue userInfo) {
        try {
            String location = presenceLocation(channelName, params);
            if (userInfo != null && userInfo.getValueType() != JsonValue.ValueType.NULL
                    && (!(userInfo instanceof JsonObject) || userInfo.toString().length() > MAX_USER_INFO)) {
                throw new PosRefused(PosError.invalidParams("Invalid parameter: user_info must be an object of at most "
                        + MAX_USER_INFO + " characters", channelName));
            }
            JsonObject info = userInfo instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            PosChannel channel = PosChannel.named(channelName).orElseThrow();
            joins.join(channel, location);
            Presence.Present who;
            try {
                who = presence.join(node, id(), token.subject(), channel, location, info);
            } catch (RuntimeException e) {
                joins.left(channel, location);
                throw e;
            }
            return PosCodec.presenceJoined(id, channelName, (JsonObject) params, who);
        } catch (PosRefused refused) {
            return PosCodec.error(id, refused.error());
        }
    }

    String presenceLeave(JsonValue id, String channelName, JsonValue params) {
        try {
            String location = presenceLocation(channelName, params);
            PosChannel channel = PosChannel.named(channelName).orElseThrow();
            if (!presence.leave(node, id(), channel, location)) {
                throw new PosRefused(PosError.invalidParams("Not present in channel " + channelName + " at " + location, channelName));
            }
            joins.left(channel, location);
            return PosCodec.presenceLeft(id, channelName, (JsonObject) params);
        } catch (PosRefused refused) {
            return PosCodec.error(id, refused.error());
        }
    }

    String presenceList(JsonValue id, String channelName, JsonValue params) {
        try {
            String location = presenceLocation(channelName, params);
            return PosCodec.presenceList(id, channelName, presence.list(PosChannel.named(channelName).orElseThrow(), location));
        } catch (PosRefused refused) {
            return PosCodec.error(id, refused.error());
        }
    }

    /** The one location a presence request names, checked like a subscription to it. */
    private String presenceLocation(String channelName, JsonValue params) throws PosRefused {
        PosChannel channel = PosChannel.named(channelName).orElseThrow(() -> new PosRefused(PosError.channelNotFound(channelName)));
        if (!channel.perLocation()) {
            throw new PosRefused(PosError.invalidParams("Channel " + channelName + " has no presence", channelName));
        }
        PosFilter filter = PosFilter.of(channel, params, token);
        if (filter.locations().size() != 1) {
            throw new PosRefused(PosError.invalidParams("Presence needs one location_id", channelName));
        }
        return filter.locations().iterator().next();
    }

    @Override
    protected void closed() {
        super.closed();
        if (joins.any()) {
            presence.leaveAll(node, id());
        }
    }

    String unsubscribe(JsonValue id, String subscriptionId) {
        return subscriptions.remove(subscriptionId)
                .map(change -> {
                    change.keys().forEach(key -> registry.unsubscribe(this, key));
                    return PosCodec.unsubscribed(id, subscriptionId);
                })
                .orElseGet(() -> PosCodec.error(id, PosError.subscriptionNotFound(subscriptionId)));
    }

    String unsubscribeAll(JsonValue id) {
        PosSubscriptions.Change change = subscriptions.removeAll();
        change.keys().forEach(key -> registry.unsubscribe(this, key));
        return PosCodec.unsubscribedAll(id, change.subscriptions());
    }
}
