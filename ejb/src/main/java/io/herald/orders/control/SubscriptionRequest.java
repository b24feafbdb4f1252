package io.herald.orders.control;

import java.util.Objects;

/** The {@code data} of a {@code subscribe} or {@code unsubscribe} message, as the codec read it. */
public sealed interface SubscriptionRequest {

    /** {@code {"order_id":…}}: one order. */
    record ForOrder(String orderId) implements SubscriptionRequest {
        public ForOrder {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** {@code {}} (or a missing, null or empty {@code order_id}): every order of the organization. */
    record ForOrganization() implements SubscriptionRequest {
    }

    /** Unusable {@code data}; {@code message} is the error text. */
    record Malformed(String message) implements SubscriptionRequest {
    }
}
