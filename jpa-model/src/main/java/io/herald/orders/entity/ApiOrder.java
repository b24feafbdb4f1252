package io.herald.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An order of an organization, as API customers see it: a status that moves along the order
 * lifecycle ({@code OrderLifecycle}) and an optional client reference.
 */
@Entity
@Table(name = "orders_order", indexes = @Index(name = "orders_order_org", columnList = "organization_id, created_at"))
@NamedQuery(name = "ApiOrder.byOrganization",
        query = "SELECT o FROM ApiOrder o WHERE o.organizationId = :org ORDER BY o.createdAt DESC, o.id DESC")
public class ApiOrder {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "organization_id", nullable = false, length = 40)
    private String organizationId;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "client_reference", length = 100)
    private String reference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ApiOrder() {
    }

    public ApiOrder(String id, String organizationId, String status, String reference, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.status = Objects.requireNonNull(status, "status");
        this.reference = reference;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = createdAt;
    }

    /** Sets the new status (the caller checked the transition); @return the previous status */
    public String changeStatus(String newStatus, Instant when) {
        String previous = status;
        status = Objects.requireNonNull(newStatus, "newStatus");
        updatedAt = Objects.requireNonNull(when, "when");
        return previous;
    }

    public String getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getStatus() {
        return status;
    }

    public String getReference() {
        return reference;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
