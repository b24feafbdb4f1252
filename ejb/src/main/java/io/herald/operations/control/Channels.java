package io.herald.operations.control;

import java.util.Set;

/**
 * The channel (or room) a routing key belongs to, for counting subscriptions without one series per
 * user or organization: the key without its product prefix and without the identifier part, e.g.
 * {@code commerce:order_changes} → {@code order_changes}, {@code pos:kitchen_orders:loc:x} →
 * {@code kitchen_orders}, {@code trading:market:BTC_USD} → {@code market:BTC_USD},
 * {@code inventory:user:alice} → {@code user}, {@code orders:org:acme} → {@code org}.
 */
public final class Channels {

    /** The segments after which a routing key names a user, an organization, an order, a key or a location. */
    static final Set<String> IDENTIFIED_BY = Set.of("user", "org", "order", "key", "loc");

    private Channels() {
    }

    /** The product of a routing key (its first segment). */
    public static String productOf(String routingKey) {
        int colon = routingKey.indexOf(':');
        return colon < 0 ? routingKey : routingKey.substring(0, colon);
    }

    /** The channel of a routing key, as above. */
    public static String channelOf(String routingKey) {
        String[] parts = routingKey.split(":");
        if (parts.length < 2) {
            return routingKey;
        }
        StringBuilder channel = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            if (IDENTIFIED_BY.contains(parts[i])) {
                return channel.length() == 0 ? parts[i] : channel.toString();
            }
            if (channel.length() > 0) {
                channel.append(':');
            }
            channel.append(parts[i]);
        }
        return channel.toString();
    }
}
