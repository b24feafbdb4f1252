package io.herald.orders.boundary;

import io.herald.orders.control.OrderAccess;
import io.herald.orders.control.OrderSession;
import io.herald.orders.control.SubscriptionRules;
import io.herald.socket.ProductSocket;
import io.herald.socket.SharedEndpointConfigurator;
import io.herald.socket.SocketCommand;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /orders/ws} (document 002). The upgrade needs no credentials: the first message must be
 * {@code connect} with an {@code api_key} (and, for the organization scope, an
 * {@code authorization_signature}). A connection that has not authenticated within
 * {@code herald.orders.connect-timeout-seconds} is closed with 1008. Limits, binary frames and
 * errors: {@link ProductSocket}.
 */
@ServerEndpoint(value = "/orders/ws", configurator = SharedEndpointConfigurator.class)
public class OrderStatusSocket extends ProductSocket<OrderConnection> {

    private static final String FORMAT = "orders";

    @Override
    protected String product() {
        return FORMAT;
    }

    @Inject
    OrderAccess access;

    @Inject
    @ConfigProperty(name = "herald.orders.connect-timeout-seconds", defaultValue = "30")
    long connectTimeoutSeconds;

    @Override
    protected OrderConnection accept(Session session) {
        OrderSession state = new OrderSession(access::authenticate, new SubscriptionRules(access::organizationOfOrder));
        return new OrderConnection(subscriber(session, OrdersCodec::event), state, registry, replay);
    }

    @Override
    protected void opened(OrderConnection connection) {
        if (connectTimeoutSeconds > 0) {
            connection.authenticateBy(timers.after(Duration.ofSeconds(connectTimeoutSeconds), connection::deadlinePassed));
        }
    }

    @Override
    protected SocketCommand<? super OrderConnection> decode(String text) {
        return OrdersCodec.decode(text);
    }
}
