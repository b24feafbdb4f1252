package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A point-of-sale order: its type, its status along the kitchen and payment lifecycle, and its
 * total in cents. {@code paid} and {@code closed} are reached by paying and closing, not by a
 * status change.
 */
@Entity
@Table(name = "pos_order", indexes = @Index(name = "pos_order_location_paid", columnList = "location_id, paid_at"))
@NamedQuery(name = "PosOrder.paidSince",
        query = "SELECT COUNT(o), SUM(o.totalCents) FROM PosOrder o WHERE o.locationId = :location AND o.paidAt >= :since AND o.paidAt < :until")
@NamedQuery(name = "PosOrder.locationsPaidSince",
        query = "SELECT DISTINCT o.locationId FROM PosOrder o WHERE o.paidAt >= :since AND o.paidAt < :until")
public class PosOrder extends PosRecord {

    public static final Set<String> TYPES = Set.of("dine_in", "takeout", "delivery", "drive_thru");
    public static final String OPEN = "open";
    public static final String PAID = "paid";
    public static final String CLOSED = "closed";
    public static final String CANCELLED = "cancelled";
    /** The statuses a status change may move to, from each status. */
    public static final Map<String, List<String>> NEXT = Map.of(
            OPEN, List.of("preparing", CANCELLED),
            "preparing", List.of("ready", CANCELLED),
            "ready", List.of("served", CANCELLED),
            "served", List.of(),
            PAID, List.of(),
            CLOSED, List.of(),
            CANCELLED, List.of());

    @Column(name = "order_type", nullable = false, length = 20)
    private String orderType;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "total_cents", nullable = false)
    private long totalCents;

    @Column(name = "paid_at")
    private Long paidAt;

    protected PosOrder() {
    }

    public PosOrder(String locationId, String orderType, long totalCents, long now) {
        super("ord", locationId, now);
        if (!TYPES.contains(orderType)) {
            throw new IllegalArgumentException("unknown order type " + orderType);
        }
        this.orderType = orderType;
        this.status = OPEN;
        this.totalCents = totalCents;
    }

    /** @return the problem, or {@code null} when the total was changed */
    public String changeTotal(long cents, long now) {
        if (isSettled()) {
            return "Order " + getId() + " is " + status + "; its total cannot change";
        }
        totalCents = cents;
        touch(now);
        return null;
    }

    /** @return the problem, or {@code null} when the order moved to {@code next} */
    public String moveTo(String next, long now) {
        if (!NEXT.getOrDefault(status, List.of()).contains(next)) {
            return "Order " + getId() + " cannot go from " + status + " to " + next;
        }
        status = next;
        touch(now);
        return null;
    }

    /** @return the problem, or {@code null} when it was paid */
    public String pay(long now) {
        if (isSettled()) {
            return "Order " + getId() + " is " + status + "; it cannot be paid";
        }
        status = PAID;
        paidAt = now;
        touch(now);
        return null;
    }

    /** @return the problem, or {@code null} when it was closed */
    public String close(long now) {
        if (!PAID.equals(status) && !CANCELLED.equals(status)) {
            return "Order " + getId() + " is " + status + "; only paid or cancelled orders close";
        }
        status = CLOSED;
        touch(now);
        return null;
    }

    private boolean isSettled() {
        return PAID.equals(status) || CLOSED.equals(status) || CANCELLED.equals(status);
    }

    public String getOrderType() {
        return orderType;
    }

    public String getStatus() {
        return status;
    }

    public long getTotalCents() {
        return totalCents;
    }

    public Long getPaidAt() {
        return paidAt;
    }
}
