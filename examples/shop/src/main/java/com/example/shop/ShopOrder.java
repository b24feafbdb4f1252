package com.example.shop;

import io.herald.api.HeraldEntity;
import io.herald.api.HeraldEntityListener;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * The shop's own order, in the shop's own database. Two annotations make its changes Herald
 * events: commerce clients subscribed to {@code order_changes} receive {@code order:created},
 * {@code order:updated} (with {@code changed_fields}) and {@code order:deleted}, with the fields
 * below as JSON-B writes them, when the shop's transaction commits.
 */
@Entity
@Table(name = "shop_order")
@EntityListeners(HeraldEntityListener.class)
@HeraldEntity(product = "commerce", name = "order", routingKeys = "commerce:order_changes")
@JsonbPropertyOrder({"id", "orderNumber", "status", "paymentStatus", "total", "customerId", "currency"})
public class ShopOrder {

    /**
     * From 100000 up, so that the shop's orders and Herald's demo commerce orders (1, 2, …) never
     * share an id on {@code order_changes}, where both are published. The sequence is created by
     * META-INF/shop-create.sql before the table (EclipseLink looks a generator's sequence up before
     * it would create it, and logs the failed lookup on an empty database).
     */
    @Id
    @SequenceGenerator(name = "shop_order_ids", sequenceName = "shop_order_ids", initialValue = 100_000, allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shop_order_ids")
    private Long id;

    @JsonbProperty("order_number")
    @Column(name = "order_number", length = 40)
    private String orderNumber;

    @Column(name = "status", length = 20)
    private String status = "pending";

    @JsonbProperty("payment_status")
    @Column(name = "payment_status", length = 20)
    private String paymentStatus = "unpaid";

    @Column(name = "total", precision = 12, scale = 2)
    private BigDecimal total;

    @JsonbProperty("customer_id")
    @Column(name = "customer_id")
    private long customerId;

    @Column(name = "currency", length = 3)
    private String currency;

    protected ShopOrder() {
    }

    public ShopOrder(String orderNumber, long customerId, BigDecimal total, String currency) {
        this.orderNumber = orderNumber;
        this.customerId = customerId;
        this.total = total;
        this.currency = currency;
    }

    public void pay() {
        paymentStatus = "paid";
        if (status.equals("pending")) {
            status = "processing";
        }
    }

    public void ship() {
        if (!paymentStatus.equals("paid")) {
            throw new OrderRuleException("Order " + orderNumber + " is not paid");
        }
        status = "shipped";
    }

    public Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getStatus() {
        return status;
    }

    public String getPaymentStatus() {
        return paymentStatus;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getCurrency() {
        return currency;
    }
}
