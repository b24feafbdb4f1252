package io.herald.orders.control;

import io.herald.common.control.ConflictException;
import io.herald.common.control.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order lifecycle: {@code pending → processing | cancelled}, {@code processing → shipped |
 * cancelled}, {@code shipped → delivered}; {@code delivered} and {@code cancelled} are final.
 */
public final class OrderLifecycle {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String SHIPPED = "shipped";
    public static final String DELIVERED = "delivered";
    public static final String CANCELLED = "cancelled";

    /** Every status, in lifecycle order. */
    public static final List<String> STATUSES = List.of(PENDING, PROCESSING, SHIPPED, DELIVERED, CANCELLED);

    private static final Map<String, Set<String>> NEXT = Map.of(
            PENDING, Set.of(PROCESSING, CANCELLED),
            PROCESSING, Set.of(SHIPPED, CANCELLED),
            SHIPPED, Set.of(DELIVERED),
            DELIVERED, Set.of(),
            CANCELLED, Set.of());

    private OrderLifecycle() {
    }

    /** The statuses an order in {@code status} may move to. */
    public static Set<String> next(String status) {
        return NEXT.getOrDefault(status, Set.of());
    }

    /**
     * Checks a requested change.
     *
     * @return {@code true} if the status changes, {@code false} if {@code to} is the current status (nothing to do)
     * @throws InvalidInputException if {@code to} is not a status
     * @throws ConflictException if the lifecycle does not allow the change
     */
    public static boolean check(String from, String to) {
        if (to == null || !NEXT.containsKey(to)) {
            throw new InvalidInputException("status must be one of " + String.join(", ", STATUSES));
        }
        if (to.equals(from)) {
            return false;
        }
        if (!next(from).contains(to)) {
            throw new ConflictException("Cannot change status from " + from + " to " + to);
        }
        return true;
    }
}
