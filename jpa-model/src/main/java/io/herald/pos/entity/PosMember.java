package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A user of a location, as the user's own token said when they last connected to the
 * point-of-sale socket: one row per location of its {@code locations} claim ({@code *} for every
 * location, or for an administrator). Who may be sent a notification by a user limited to some
 * locations ({@code io.herald.pos.control.PosMembers}).
 */
@Entity
@Table(name = "pos_member")
@NamedQuery(name = "PosMember.ofUser", query = "SELECT m FROM PosMember m WHERE m.key.userId = :user")
@NamedQuery(name = "PosMember.countIn",
        query = "SELECT COUNT(m) FROM PosMember m WHERE m.key.userId = :user AND m.key.locationId IN :locations")
public class PosMember {

    /** The user and the location. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "user_id", length = 255)
        private String userId;

        @Column(name = "location_id", length = 64)
        private String locationId;

        protected Key() {
        }

        public Key(String userId, String locationId) {
            this.userId = Objects.requireNonNull(userId, "userId");
            this.locationId = Objects.requireNonNull(locationId, "locationId");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userId.equals(userId) && k.locationId.equals(locationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, locationId);
        }
    }

    @EmbeddedId
    private Key key;

    /** Epoch milliseconds of the connection that recorded it. */
    @Column(name = "seen_at", nullable = false)
    private long seenAt;

    protected PosMember() {
    }

    public PosMember(String userId, String locationId, long seenAt) {
        this.key = new Key(userId, locationId);
        this.seenAt = seenAt;
    }

    public String getUserId() {
        return key.userId;
    }

    public String getLocationId() {
        return key.locationId;
    }

    public long getSeenAt() {
        return seenAt;
    }
}
