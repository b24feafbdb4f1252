package io.herald.trading.entity;

import io.herald.common.entity.RecordIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** An in-app notification of one trading user: when it was created, first handed to a socket, and read. */
@Entity
@Table(name = "trading_notification", indexes = @Index(name = "trading_notification_user", columnList = "user_id, created_at"))
@NamedQuery(name = "TradingNotification.ofUser",
        query = "SELECT n FROM TradingNotification n WHERE n.userId = :user ORDER BY n.createdAt DESC, n.id")
@NamedQuery(name = "TradingNotification.claimDelivered",
        query = "UPDATE TradingNotification n SET n.deliveredAt = :at WHERE n.id = :id AND n.deliveredAt IS NULL")
public class TradingNotification {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "user_id", nullable = false, length = 255)
    private String userId;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "message", nullable = false, length = 1000)
    private String message;

    /** {@code info}, {@code success}, {@code warning} or {@code error}. */
    @Column(name = "severity", nullable = false, length = 10)
    private String type;

    @Column(name = "category", nullable = false, length = 40)
    private String category;

    /** A JSON object. */
    @Lob
    @Column(name = "payload", nullable = false)
    private String data;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "delivered_at")
    private Long deliveredAt;

    @Column(name = "read_at")
    private Long readAt;

    protected TradingNotification() {
    }

    public TradingNotification(String userId, String title, String message, String type, String category, String data, long now) {
        this.id = RecordIds.next("notif_");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.title = Objects.requireNonNull(title, "title");
        this.message = Objects.requireNonNull(message, "message");
        this.type = Objects.requireNonNull(type, "type");
        this.category = Objects.requireNonNull(category, "category");
        this.data = Objects.requireNonNull(data, "data");
        this.createdAt = now;
    }

    /** @return {@code false} when it was read already */
    public boolean markRead(long now) {
        if (readAt != null) {
            return false;
        }
        readAt = now;
        return true;
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getTitle() {
        return title;
    }

    public String getMessage() {
        return message;
    }

    public String getType() {
        return type;
    }

    public String getCategory() {
        return category;
    }

    public String getData() {
        return data;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public Long getDeliveredAt() {
        return deliveredAt;
    }

    public Long getReadAt() {
        return readAt;
    }
}
