package io.herald.eventlog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One durable event. Rows are written with plain JDBC by the outbox (inside the producing
 * transaction, also while the persistence context is flushing) and read through JPA.
 */
@Entity
@Table(name = EventLogEntry.TABLE, indexes = @Index(name = "event_log_unpublished", columnList = "published, id"))
@NamedQuery(name = "EventLogEntry.unpublishedBefore",
        query = "SELECT e FROM EventLogEntry e WHERE e.published = false AND e.createdAt < :before ORDER BY e.id")
@NamedQuery(name = "EventLogEntry.unpublishedBacklog",
        query = "SELECT COUNT(e), MIN(e.createdAt) FROM EventLogEntry e WHERE e.published = false")
@NamedQuery(name = "EventLogEntry.markPublished",
        query = "UPDATE EventLogEntry e SET e.published = true WHERE e.id IN :ids")
@NamedQuery(name = "EventLogEntry.highestPublishedBefore",
        query = "SELECT MAX(e.id) FROM EventLogEntry e WHERE e.published = true AND e.createdAt < :before")
@NamedQuery(name = "EventLogEntry.prunePublishedBefore",
        query = "DELETE FROM EventLogEntry e WHERE e.published = true AND e.createdAt < :before")
@NamedQuery(name = "EventLogEntry.allAfter",
        query = "SELECT e FROM EventLogEntry e WHERE e.id > :id ORDER BY e.id")
@NamedQuery(name = "EventLogEntry.withIds",
        query = "SELECT e FROM EventLogEntry e WHERE e.id IN :ids ORDER BY e.id")
@NamedQuery(name = "EventLogEntry.lastId",
        query = "SELECT MAX(e.id) FROM EventLogEntry e")
@NamedQuery(name = "EventLogEntry.after",
        query = "SELECT e FROM EventLogEntry e WHERE e.id > :id AND e.product = :product ORDER BY e.id")
public class EventLogEntry {

    public static final String TABLE = "event_log";
    public static final String SEQUENCE = "event_log_seq";

    /** Assigned by the outbox from {@value #SEQUENCE}; the generator makes schema generation create it. */
    @Id
    @Column(name = "id")
    @SequenceGenerator(name = SEQUENCE, sequenceName = SEQUENCE, allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = SEQUENCE)
    private long id;

    @Column(name = "product", nullable = false, length = 40)
    private String product;

    @Column(name = "event_type", nullable = false, length = 80)
    private String type;

    /** Space-separated routing keys. */
    @Lob
    @Column(name = "routing_keys", nullable = false)
    private String routingKeys;

    /** The event's data as JSON text. */
    @Lob
    @Column(name = "payload", nullable = false)
    private String payload;

    /** Epoch milliseconds. */
    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "published", nullable = false)
    private boolean published;

    protected EventLogEntry() {
    }

    public long getId() {
        return id;
    }

    public String getProduct() {
        return product;
    }

    public String getType() {
        return type;
    }

    public String getRoutingKeys() {
        return routingKeys;
    }

    public String getPayload() {
        return payload;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public boolean isPublished() {
        return published;
    }
}
