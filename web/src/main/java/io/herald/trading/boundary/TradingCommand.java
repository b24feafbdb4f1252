package io.herald.trading.boundary;

import io.herald.socket.SocketCommand;

/** A message of document 004, decoded by {@link TradingCodec}; each knows how to run itself. */
public sealed interface TradingCommand extends SocketCommand<TradingConnection> {

    /** {@code {"type":"auth","token":…}}: the way to authenticate after an unauthenticated open. */
    record Auth(String token) implements TradingCommand {
        public String runOn(TradingConnection connection) {
            return connection.authenticate(token);
        }
    }

    /** @param lastEventId where to resume, or {@code null} */
    record Subscribe(String channel, String lastEventId) implements TradingCommand {
        public String runOn(TradingConnection connection) {
            return connection.subscribe(channel, lastEventId);
        }
    }

    record Unsubscribe(String channel) implements TradingCommand {
        public String runOn(TradingConnection connection) {
            return connection.unsubscribe(channel);
        }
    }

    record ListRooms() implements TradingCommand {
        public String runOn(TradingConnection connection) {
            return connection.listRooms();
        }
    }
}
