package io.herald.orders.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

    /** Keys never contain spaces (the event log stores them space-separated). */
    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
