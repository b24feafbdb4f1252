package io.herald.commerce.boundary;

import io.herald.socket.SocketCommand;

/**
 * A message of document 000, decoded by {@link CommerceCodec}; each knows how to run itself.
 * {@code ping} and unreadable messages are the skeleton's {@link SocketCommand.Ping} and
 * {@link SocketCommand.Invalid}.
 */
public sealed interface CommerceCommand extends SocketCommand<CommerceConnection> {

    /** @param lastEventId where to resume, or {@code null} */
    record Subscribe(String channel, String lastEventId) implements CommerceCommand {
        public String runOn(CommerceConnection connection) {
            return connection.subscribe(channel, lastEventId);
        }
    }

    record Unsubscribe(String channel) implements CommerceCommand {
        public String runOn(CommerceConnection connection) {
            return connection.unsubscribe(channel);
        }
    }
}
