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

/** A commerce transaction; its changes are published as transaction:created|updated|deleted. */
@Entity
@Table(name = "commerce_transaction")
@NamedQuery(name = "PaymentTransaction.all", query = "SELECT e FROM PaymentTransaction e ORDER BY e.id")
public class PaymentTransaction extends CommerceRecord {

    @Id
    @SequenceGenerator(name = "commerce_transaction_seq", sequenceName = "commerce_transaction_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commerce_transaction_seq")
    private Long id;

    @Column(name = "order_id", nullable = false)
    private Long orderId;

    @Column(name = "type", nullable = false, length = 20)
    private String type;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "gateway", length = 50)
    private String gateway;

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getGateway() {
        return gateway;
    }

    public void setGateway(String gateway) {
        this.gateway = gateway;
    }

    @Override
    public String eventName() {
        return "transaction";
    }

    @Override
    public Map<String, Object> wireState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id);
        state.put("order_id", orderId);
        state.put("type", type);
        state.put("status", status);
        state.put("amount", amount);
        state.put("gateway", gateway);
        return state;
    }
}
