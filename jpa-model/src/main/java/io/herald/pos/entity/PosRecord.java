package io.herald.pos.entity;

import io.herald.common.entity.RecordIds;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * What every point-of-sale record has: a readable random id with a prefix ({@code ord-…}), its
 * location, and when it was created and last changed (epoch milliseconds).
 */
@MappedSuperclass
public abstract class PosRecord {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "location_id", nullable = false, length = 64)
    private String locationId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected PosRecord() {
    }

    protected PosRecord(String prefix, String locationId, long now) {
        this.id = RecordIds.next(prefix + "-");
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        this.createdAt = now;
        this.updatedAt = now;
    }

    protected void touch(long now) {
        updatedAt = Math.max(updatedAt, now);
    }

    public String getId() {
        return id;
    }

    public String getLocationId() {
        return locationId;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }
}
