package io.herald.socket;

/**
 * A client message decoded by a product's codec; it runs itself on the connection and returns the
 * reply text, or {@code null} for none. {@link Ping} and {@link Invalid} are common to every
 * product; each answers in the product's own shape.
 *
 * @param <C> the product's connection
 */
public interface SocketCommand<C extends SocketConnection> {

    String runOn(C connection);

    /** The product's application-level ping. */
    record Ping<C extends SocketConnection>() implements SocketCommand<C> {
        @Override
        public String runOn(C connection) {
            return connection.pong();
        }
    }

    /** Anything the codec could not read as one of the product's messages; answered with its error. */
    record Invalid<C extends SocketConnection>(String message) implements SocketCommand<C> {
        @Override
        public String runOn(C connection) {
            return connection.error(message);
        }
    }
}
