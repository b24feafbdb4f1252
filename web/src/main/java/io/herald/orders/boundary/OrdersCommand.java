package io.herald.orders.boundary;

import io.herald.orders.control.ConnectRequest;
import io.herald.orders.control.SubscriptionRequest;

/** A message from an order-status client, decoded by {@link OrdersCodec}; each knows how to run itself. */
public sealed interface OrdersCommand {

    /** Runs the command for one connection; @return the reply text, or {@code null} when the connection was closed instead */
    String runOn(OrderConnection connection);

    record Connect(ConnectRequest request) implements OrdersCommand {
        public String runOn(OrderConnection connection) {
            return connection.connect(request);
        }
    }

    record Subscribe(SubscriptionRequest request) implements OrdersCommand {
        public String runOn(OrderConnection connection) {
            return connection.subscribe(request);
        }
    }

    record Unsubscribe(SubscriptionRequest request) implements OrdersCommand {
        public String runOn(OrderConnection connection) {
            return connection.unsubscribe(request);
        }
    }

    /** {@code {"type":"ping"}}, a Herald extension: answered with {@code {"type":"pong","data":{}}}. */
    record Ping() implements OrdersCommand {
        public String runOn(OrderConnection connection) {
            return OrdersCodec.pong();
        }
    }

    record Invalid(String message) implements OrdersCommand {
        public String runOn(OrderConnection connection) {
            return OrdersCodec.error(message);
        }
    }
}
