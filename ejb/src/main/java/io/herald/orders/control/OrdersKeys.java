package io.herald.orders.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The product name, event types and routing keys of order-status events. */
public final class OrdersKeys {

    public static final String PRODUCT = "orders";
    public static final String ORDER_CREATED = "order.created";
    public static final String STATUS_CHANGED = "order.status_changed";
    /** Ephemeral: closes the connections authenticated with a key that was just revoked. */
    public static final String KEY_REVOKED = "key.revoked";

    private OrdersKeys() {
    }

    /** Subscribers to one order. */
    public static String order(String orderId) {
        return PRODUCT + ":order:" + encode(orderId);
    }

    /** Subscribers to every order of an organization. */
    public static String organization(String organizationId) {
        return PRODUCT + ":org:" + encode(organizationId);
    }

    /** Every connection authenticated with one API key (for revocation). */
    public static String apiKey(String apiKey) {
        return PRODUCT + ":key:" + encode(apiKey);
    }

    /**
     * The routing keys of an order event: status changes go to the order's subscribers and to its
     * organization's; {@value #ORDER_CREATED} goes to the organization only, since nobody can hold
     * a subscription to an order before it exists (a subscription made in the moment between
     * commit and delivery would otherwise receive the creation after its confirmation).
     */
    public static Set<String> ofOrderEvent(String type, String orderId, String organizationId) {
        return ORDER_CREATED.equals(type)
                ? Set.of(organization(organizationId))
                : Set.of(order(orderId), organization(organizationId));
    }

    /** Keys never contain spaces (the event log stores them space-separated). */
    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
