package io.herald.commerce.control;

import java.util.Optional;
import java.util.Set;

/** The documented channels ({@code order_changes}, ...) and the routing key of each. */
public final class CommerceChannels {

    public static final String PRODUCT = "commerce";

    /** Entity event names; the channel of {@code order} is {@code order_changes}. */
    public static final Set<String> ENTITIES = Set.of("order", "product", "customer", "shipment", "transaction");

    private CommerceChannels() {
    }

    /** The routing key for a documented channel name, or empty for an unknown channel. */
    public static Optional<String> routingKey(String channel) {
        if (channel == null || !channel.endsWith("_changes")) {
            return Optional.empty();
        }
        String entity = channel.substring(0, channel.length() - "_changes".length());
        return ENTITIES.contains(entity) ? Optional.of(keyOfEntity(entity)) : Optional.empty();
    }

    /** The routing key that events of an entity carry. */
    public static String keyOfEntity(String entity) {
        return PRODUCT + ":" + entity + "_changes";
    }
}
