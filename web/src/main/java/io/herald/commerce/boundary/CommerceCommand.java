package io.herald.commerce.boundary;

/** A message from a commerce client, decoded by {@link CommerceCodec}; each knows how to run itself. */
public sealed interface CommerceCommand {

    /** Runs the command for one connection and returns the reply text. */
    String runOn(CommerceSocket.Connection connection);

    record Subscribe(String channel) implements CommerceCommand {
        public String runOn(CommerceSocket.Connection connection) {
            return connection.subscribe(channel);
        }
    }

    record Unsubscribe(String channel) implements CommerceCommand {
        public String runOn(CommerceSocket.Connection connection) {
            return connection.unsubscribe(channel);
        }
    }

    record Ping() implements CommerceCommand {
        public String runOn(CommerceSocket.Connection connection) {
            return CommerceCodec.pong();
        }
    }

    record Invalid(String message) implements CommerceCommand {
        public String runOn(CommerceSocket.Connection connection) {
            return CommerceCodec.error(message);
        }
    }
}
