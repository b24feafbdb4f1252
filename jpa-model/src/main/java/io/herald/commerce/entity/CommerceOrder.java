package io.herald.commerce.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A commerce order; its changes are published as order:created|updated|deleted. */
@Entity
@Table(name = "commerce_order")
@NamedQuery(name = "CommerceOrder.all", query = "SELECT e FROM CommerceOrder e ORDER BY e.id")
public class CommerceOrder extends CommerceRecord {

    @Id
    @SequenceGenerator(name = "commerce_order_seq", sequenceName = "commerce_order_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commerce_order_seq")
    private Long id;

    @Column(name = "order_number", nullable = false, length = 40)
    private String orderNumber;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "payment_status", nullable = false, length = 20)
    private String paymentStatus;

    @Column(name = "total", nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    public Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public void setOrderNumber(String orderNumber) {
        this.orderNumber = orderNumber;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getPaymentStatus() {
        return paymentStatus;
    }

    public void setPaymentStatus(String paymentStatus) {
        this.paymentStatus = paymentStatus;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    @Override
    public String eventName() {
        return "order";
    }

    @Override
    public Map<String, Object> wireState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id);
        state.put("order_number", orderNumber);
        state.put("status", status);
        state.put("payment_status", paymentStatus);
        state.put("total", total);
        state.put("customer_id", customerId);
        state.put("currency", currency);
        return state;
    }
}
