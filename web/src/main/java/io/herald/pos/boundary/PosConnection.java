package io.herald.pos.boundary;

import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.pos.control.PosChannel;
import io.herald.pos.control.PosError;
import io.herald.pos.control.PosFilter;
import io.herald.pos.control.PosKeys;
import io.herald.pos.control.PosRefused;
import io.herald.pos.control.PosSubscriptions;
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

    private final VerifiedToken token;
    private final SessionRegistry registry;
    private final PosSubscriptions subscriptions;

    PosConnection(SocketSubscriber out, VerifiedToken token, SessionRegistry registry, int subscriptionLimit) {
        super(out);
        this.token = token;
        this.registry = registry;
        this.subscriptions = new PosSubscriptions(subscriptionLimit);
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
    public void deliver(Delivery delivery) {
        EventEnvelope event = delivery.event();
        if (!PosKeys.PRODUCT.equals(event.product())) {
            return;
        }
        Optional<PosChannel> channel = PosChannel.ofEvent(event.type());
        if (channel.isEmpty()) {
            return;
        }
        List<String> ids = subscriptions.matching(event);
        if (!ids.isEmpty()) {
            out().send(PosCodec.event(channel.get().wireName(), ids, event));
        }
    }

    String subscribe(JsonValue id, String channelName, JsonValue params) {
        Optional<PosChannel> channel = PosChannel.named(channelName);
        if (channel.isEmpty()) {
            return PosCodec.error(id, PosError.channelNotFound(channelName));
        }
        try {
            PosFilter filter = PosFilter.of(channel.get(), params, token);
            PosSubscriptions.Change change = subscriptions.add(filter, params instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT);
            change.keys().forEach(key -> registry.subscribe(this, key));
            return PosCodec.subscribed(id, change.subscriptions().get(0));
        } catch (PosRefused refused) {
            return PosCodec.error(id, refused.error());
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
