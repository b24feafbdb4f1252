package io.herald.pos.boundary;

import io.herald.pos.control.PosError;
import io.herald.socket.SocketCommand;
import jakarta.json.JsonValue;

/**
 * A message of document 003, decoded by {@link PosCodec}; each knows how to run itself.
 * {@code id} is the request's id ({@code null} when it had none), echoed in the answer.
 */
public sealed interface PosCommand extends SocketCommand<PosConnection> {

    /** @param lastEventId where to resume ({@code last_event_id}), or {@code null} */
    record Subscribe(JsonValue id, String channel, JsonValue params, String lastEventId) implements PosCommand {
        Subscribe(JsonValue id, String channel, JsonValue params) {
            this(id, channel, params, null);
        }

        public String runOn(PosConnection connection) {
            return connection.subscribe(id, channel, params, lastEventId);
        }
    }

    record Unsubscribe(JsonValue id, String subscriptionId) implements PosCommand {
        public String runOn(PosConnection connection) {
            return connection.unsubscribe(id, subscriptionId);
        }
    }

    record ListSubscriptions(JsonValue id) implements PosCommand {
        public String runOn(PosConnection connection) {
            return PosCodec.subscriptions(id, connection.subscriptions().all());
        }
    }

    record UnsubscribeAll(JsonValue id) implements PosCommand {
        public String runOn(PosConnection connection) {
            return connection.unsubscribeAll(id);
        }
    }

    record PresenceJoin(JsonValue id, String channel, JsonValue params, JsonValue userInfo) implements PosCommand {
        public String runOn(PosConnection connection) {
            return connection.presenceJoin(id, channel, params, userInfo);
        }
    }

    /** Herald's: leaves a presence joined on this connection. */
    record PresenceLeave(JsonValue id, String channel, JsonValue params) implements PosCommand {
        public String runOn(PosConnection connection) {
            return connection.presenceLeave(id, channel, params);
        }
    }

    record PresenceList(JsonValue id, String channel, JsonValue params) implements PosCommand {
        public String runOn(PosConnection connection) {
            return connection.presenceList(id, channel, params);
        }
    }

    /** A request that is refused before it reaches the connection's state. */
    record Refuse(JsonValue id, PosError error) implements PosCommand {
        public String runOn(PosConnection connection) {
            return PosCodec.error(id, error);
        }
    }
}
