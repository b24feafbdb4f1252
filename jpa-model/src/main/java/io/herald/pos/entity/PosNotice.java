package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;

/** A notification sent to one user of the point of sale: an alert or a message. */
@Entity
@Table(name = "pos_notice")
public class PosNotice extends PosRecord {

    @Column(name = "user_id", nullable = false, length = 255)
    private String userId;

    /** {@code alert} or {@code message}. */
    @Column(name = "kind", nullable = false, length = 10)
    private String kind;

    @Column(name = "message", nullable = false, length = 1000)
    private String message;

    protected PosNotice() {
    }

    /** @param locationId the location it concerns, or {@code "-"} */
    public PosNotice(String locationId, String userId, String kind, String message, long now) {
        super("ntf", locationId, now);
        this.userId = Objects.requireNonNull(userId, "userId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.message = Objects.requireNonNull(message, "message");
    }

    public String getUserId() {
        return userId;
    }

    public String getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }
}
