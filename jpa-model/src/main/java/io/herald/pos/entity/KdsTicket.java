package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A kitchen ticket at one station, due at a time. It is open until bumped (done) and may be
 * recalled (open again). An open ticket past its due time is announced late once.
 */
@Entity
@Table(name = "pos_kds_ticket", indexes = @Index(name = "pos_kds_ticket_due", columnList = "status, late_announced, due_at"))
@NamedQuery(name = "KdsTicket.overdue",
        query = "SELECT t FROM KdsTicket t WHERE t.status = 'open' AND t.lateAnnounced = false AND t.dueAt < :now ORDER BY t.dueAt")
@NamedQuery(name = "KdsTicket.claimLate",
        query = "UPDATE KdsTicket t SET t.lateAnnounced = true WHERE t.id = :id AND t.lateAnnounced = false AND t.status = 'open'")
public class KdsTicket extends PosRecord {

    public static final String OPEN = "open";
    public static final String BUMPED = "bumped";

    @Column(name = "station", nullable = false, length = 64)
    private String station;

    @Column(name = "order_id", length = 40)
    private String orderId;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "due_at", nullable = false)
    private long dueAt;

    @Column(name = "late_announced", nullable = false)
    private boolean lateAnnounced;

    protected KdsTicket() {
    }

    public KdsTicket(String locationId, String station, String orderId, long dueAt, long now) {
        super("tkt", locationId, now);
        this.station = Objects.requireNonNull(station, "station");
        this.orderId = orderId;
        this.status = OPEN;
        this.dueAt = dueAt;
    }

    /** @return the problem, or {@code null} when it was bumped */
    public String bump(long now) {
        if (!OPEN.equals(status)) {
            return "Ticket " + getId() + " is bumped already";
        }
        status = BUMPED;
        touch(now);
        return null;
    }

    /** @return the problem, or {@code null} when it is open again */
    public String recall(long now) {
        if (!BUMPED.equals(status)) {
            return "Ticket " + getId() + " is open; only bumped tickets can be recalled";
        }
        status = OPEN;
        touch(now);
        return null;
    }

    public String getStation() {
        return station;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getStatus() {
        return status;
    }

    public long getDueAt() {
        return dueAt;
    }

    public boolean isLateAnnounced() {
        return lateAnnounced;
    }
}
