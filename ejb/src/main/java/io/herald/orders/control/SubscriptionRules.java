package io.herald.orders.control;

import java.util.Optional;
import java.util.function.Function;

/**
 * Who may subscribe to what. Nothing before a successful connect; an order only if it belongs to
 * the connection's organization, with the same answer for another organization's order and for
 * one that does not exist (so nobody can probe for ids); the organization scope only after a
 * signed connect. Unsubscribing needs a connect but no ownership: it only removes what the
 * connection holds.
 */
public final class SubscriptionRules {

    public static final String NOT_AUTHENTICATED = "not authenticated";
    public static final String ACCESS_DENIED = "access denied";
    public static final String SIGNATURE_REQUIRED = "organization scope requires a signed connect";
    /** Longer order ids do not exist; they are not looked up. */
    static final int MAX_ORDER_ID = 64;

    /** The two documented scopes, with their wire names. */
    public enum Scope {
        ORDER("order"), ORGANIZATION("organization");

        private final String wireName;

        Scope(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** The answer to a subscribe or unsubscribe. */
    public sealed interface Decision {
    }

    /**
     * Allowed: the connection (un)subscribes {@code routingKey}.
     *
     * @param orderId the order id for the order scope, {@code null} for the organization scope
     */
    public record Granted(Scope scope, String orderId, String routingKey) implements Decision {
    }

    /** Refused; {@code message} is the error text for the client. */
    public record Denied(String message) implements Decision {
    }

    private final Function<String, Optional<String>> organizationOfOrder;

    /** @param organizationOfOrder the organization that owns an order id, empty if there is no such order */
    public SubscriptionRules(Function<String, Optional<String>> organizationOfOrder) {
        this.organizationOfOrder = organizationOfOrder;
    }

    public Decision subscribe(OrderClient client, SubscriptionRequest request) {
        if (client == null) {
            return new Denied(NOT_AUTHENTICATED);
        }
        if (request instanceof SubscriptionRequest.ForOrder order) {
            return ownedBy(client, order.orderId())
                    ? new Granted(Scope.ORDER, order.orderId(), OrdersKeys.order(order.orderId()))
                    : new Denied(ACCESS_DENIED);
        }
        if (request instanceof SubscriptionRequest.ForOrganization) {
            return client.signed() ? organizationScope(client) : new Denied(SIGNATURE_REQUIRED);
        }
        return new Denied(((SubscriptionRequest.Malformed) request).message());
    }

    public Decision unsubscribe(OrderClient client, SubscriptionRequest request) {
        if (client == null) {
            return new Denied(NOT_AUTHENTICATED);
        }
        if (request instanceof SubscriptionRequest.ForOrder order) {
            return new Granted(Scope.ORDER, order.orderId(), OrdersKeys.order(order.orderId()));
        }
        if (request instanceof SubscriptionRequest.ForOrganization) {
            return organizationScope(client);
        }
        return new Denied(((SubscriptionRequest.Malformed) request).message());
    }

    private boolean ownedBy(OrderClient client, String orderId) {
        if (orderId.length() > MAX_ORDER_ID) {
            return false;
        }
        return organizationOfOrder.apply(orderId).filter(client.organizationId()::equals).isPresent();
    }

    private static Granted organizationScope(OrderClient client) {
        return new Granted(Scope.ORGANIZATION, null, OrdersKeys.organization(client.organizationId()));
    }
}
