package io.herald.orders.boundary;

import io.herald.orders.control.ConnectRequest;
import io.herald.orders.control.SubscriptionRequest;
import io.herald.socket.SocketCommand;

/**
 * A message of document 002, decoded by {@link OrdersCodec}; each knows how to run itself.
 * {@code ping} (a Herald extension, answered with {@code {"type":"pong","data":{}}}) and unreadable
 * messages are the skeleton's {@link SocketCommand.Ping} and {@link SocketCommand.Invalid}.
 */
public sealed interface OrdersCommand extends SocketCommand<OrderConnection> {

    /** Runs the command for one connection; @return the reply text, or {@code null} when the connection was closed instead */
    @Override
    String runOn(OrderConnection connection);

    record Connect(ConnectRequest request) implements OrdersCommand {
        public String runOn(OrderConnection connection) {
            return connection.connect(request);
        }
    }

    /** @param lastEventId where to resume ({@code data.last_event_id}), or {@code null} */
    record Subscribe(SubscriptionRequest request, String lastEventId) implements OrdersCommand {
        Subscribe(SubscriptionRequest request) {
            this(request, null);
        }

        public String runOn(OrderConnection connection) {
            return connection.subscribe(request, lastEventId);
        }
    }

    record Unsubscribe(SubscriptionRequest request) implements OrdersCommand {
        public String runOn(OrderConnection connection) {
            return connection.unsubscribe(request);
        }
    }
}
