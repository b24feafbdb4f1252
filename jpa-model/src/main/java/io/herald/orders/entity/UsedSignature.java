package io.herald.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A request signature that has been accepted once: its HMAC (the primary key, so a second insert
 * of the same signature fails on every node) and until when it must be remembered, in epoch
 * milliseconds. Rows past {@code keepUntil} are pruned; by then the signature's timestamp is
 * outside the window and refused anyway.
 */
@Entity
@Table(name = "orders_used_signature", indexes = @Index(name = "orders_used_signature_keep", columnList = "keep_until"))
@NamedQuery(name = "UsedSignature.prune", query = "DELETE FROM UsedSignature s WHERE s.keepUntil < :now")
public class UsedSignature {

    @Id
    @Column(name = "signature", length = 64)
    private String signature;

    @Column(name = "api_key", nullable = false, length = 64)
    private String apiKey;

    @Column(name = "keep_until", nullable = false)
    private long keepUntil;

    protected UsedSignature() {
    }

    /** @param signature the lowercase hex HMAC; @param keepUntil epoch milliseconds */
    public UsedSignature(String signature, String apiKey, long keepUntil) {
        this.signature = Objects.requireNonNull(signature, "signature");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.keepUntil = keepUntil;
    }

    public String getSignature() {
        return signature;
    }

    public String getApiKey() {
        return apiKey;
    }

    public long getKeepUntil() {
        return keepUntil;
    }
}
