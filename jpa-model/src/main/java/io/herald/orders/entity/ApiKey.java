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
 * An API key of an organization: the public {@code api_key} and its secret. The secret is stored
 * only encrypted ({@code sealedSecret}, see {@code SecretBox}), because the server needs the secret
 * itself to verify HMAC signatures; a revoked key stays as a record with {@code revokedAt} set.
 */
@Entity
@Table(name = "orders_api_key", indexes = @Index(name = "orders_api_key_org", columnList = "organization_id"))
@NamedQuery(name = "ApiKey.byOrganization",
        query = "SELECT k FROM ApiKey k WHERE k.organizationId = :org ORDER BY k.createdAt, k.apiKey")
public class ApiKey {

    @Id
    @Column(name = "api_key", length = 64)
    private String apiKey;

    @Column(name = "organization_id", nullable = false, length = 40)
    private String organizationId;

    @Column(name = "sealed_secret", nullable = false, length = 200)
    private String sealedSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String apiKey, String organizationId, String sealedSecret, Instant createdAt) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.sealedSecret = Objects.requireNonNull(sealedSecret, "sealedSecret");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Revokes the key; @return {@code false} if it was revoked already (the first time stays). */
    public boolean revoke(Instant when) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = Objects.requireNonNull(when, "when");
        return true;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String getApiKey() {
        return apiKey;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getSealedSecret() {
        return sealedSecret;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
