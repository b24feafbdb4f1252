package io.herald.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification in a user's inbox. It stays unread until the user marks it read; unread
 * notifications are sent again on every new connection. Ids come from a sequence, so the
 * inbox's order (oldest first) is the order of creation.
 */
@Entity
@Table(name = "inventory_notification", indexes = @Index(name = "inventory_notification_inbox", columnList = "user_id, is_read, id"))
@NamedQuery(name = "Notification.unread",
        query = "SELECT n FROM Notification n WHERE n.userId = :user AND n.read = false ORDER BY n.id")
@NamedQuery(name = "Notification.all",
        query = "SELECT n FROM Notification n WHERE n.userId = :user ORDER BY n.id")
@NamedQuery(name = "Notification.countByDedupeKey",
        query = "SELECT COUNT(n) FROM Notification n WHERE n.dedupeKey = :key")
public class Notification {

    /** Severities as documented: {@code info}, {@code warning}, {@code error}. */
    public enum Type {
        INFO, WARNING, ERROR;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @SequenceGenerator(name = "inventory_notification_seq", sequenceName = "inventory_notification_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inventory_notification_seq")
    private Long id;

    @Column(name = "user_id", nullable = false, length = 255)
    private String userId;

    @Column(name = "message", nullable = false, length = 500)
    private String message;

    @Column(name = "severity", nullable = false, length = 10)
    private String type;

    @Column(name = "product_name", length = 200)
    private String productName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    @Column(name = "read_at")
    private Instant readAt;

    /** Set for notifications that must exist at most once (the expiry scan's); unique. */
    @Column(name = "dedupe_key", length = 200, unique = true)
    private String dedupeKey;

    /**
     * The event-log id of the {@code notification:created} event that announced it, so that the
     * inbox sent on connect names the same event as the live notification; {@code null} for
     * notifications stored before it was recorded.
     */
    @Column(name = "event_id")
    private Long eventId;

    protected Notification() {
    }

    public Notification(String userId, String message, Type type, String productName, Instant createdAt, String dedupeKey) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.message = Objects.requireNonNull(message, "message");
        this.type = Objects.requireNonNull(type, "type").wireName();
        this.productName = productName;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.dedupeKey = dedupeKey;
    }

    /** Marks it read; @return {@code false} if it was read already. */
    public boolean markRead(Instant when) {
        if (read) {
            return false;
        }
        read = true;
        readAt = when;
        return true;
    }

    /** Records the event-log id of the event that announced it. */
    public void announcedAs(long eventId) {
        if (eventId <= 0) {
            throw new IllegalArgumentException("not an event-log id: " + eventId);
        }
        this.eventId = eventId;
    }

    public Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getMessage() {
        return message;
    }

    public String getType() {
        return type;
    }

    public String getProductName() {
        return productName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRead() {
        return read;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public Long getEventId() {
        return eventId;
    }
}
