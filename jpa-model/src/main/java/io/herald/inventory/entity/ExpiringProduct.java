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
import java.time.LocalDate;
import java.util.Objects;

/** A product with an expiry date, owned by one user; the expiry scan warns its owner before it expires. */
@Entity
@Table(name = "inventory_product", indexes = {
    @Index(name = "inventory_product_owner", columnList = "owner, id"),
    @Index(name = "inventory_product_expiry", columnList = "expiry_date")
})
@NamedQuery(name = "ExpiringProduct.byOwner",
        query = "SELECT p FROM ExpiringProduct p WHERE p.owner = :owner ORDER BY p.id")
@NamedQuery(name = "ExpiringProduct.expiringBy",
        query = "SELECT p.id FROM ExpiringProduct p WHERE p.expiryDate <= :last ORDER BY p.id")
public class ExpiringProduct {

    @Id
    @SequenceGenerator(name = "inventory_product_seq", sequenceName = "inventory_product_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inventory_product_seq")
    private Long id;

    @Column(name = "owner", nullable = false, length = 255)
    private String owner;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "expiry_date", nullable = false)
    private LocalDate expiryDate;

    /** The last expiry notice sent for this product (see {@code ExpiryNotice.key}); skips known notices cheaply. */
    @Column(name = "last_notice", length = 200)
    private String lastNotice;

    protected ExpiringProduct() {
    }

    public ExpiringProduct(String owner, String name, LocalDate expiryDate) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.name = Objects.requireNonNull(name, "name");
        this.expiryDate = Objects.requireNonNull(expiryDate, "expiryDate");
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public LocalDate getExpiryDate() {
        return expiryDate;
    }

    public void setExpiryDate(LocalDate expiryDate) {
        this.expiryDate = Objects.requireNonNull(expiryDate, "expiryDate");
    }

    public String getLastNotice() {
        return lastNotice;
    }

    public void setLastNotice(String lastNotice) {
        this.lastNotice = lastNotice;
    }
}
