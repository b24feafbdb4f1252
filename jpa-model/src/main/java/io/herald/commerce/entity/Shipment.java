package io.herald.commerce.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** A commerce shipment; its changes are published as shipment:created|updated|deleted. */
@Entity
@Table(name = "commerce_shipment")
@NamedQuery(name = "Shipment.all", query = "SELECT e FROM Shipment e ORDER BY e.id")
public class Shipment extends CommerceRecord {

    @Id
    @SequenceGenerator(name = "commerce_shipment_seq", sequenceName = "commerce_shipment_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commerce_shipment_seq")
    private Long id;

    @Column(name = "order_id", nullable = false)
    private Long orderId;

    @Column(name = "tracking_number", length = 100, unique = true)
    private String trackingNumber;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "carrier", length = 50)
    private String carrier;

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public void setTrackingNumber(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCarrier() {
        return carrier;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    @Override
    public String eventName() {
        return "shipment";
    }

    @Override
    public Map<String, Object> wireState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id);
        state.put("order_id", orderId);
        state.put("tracking_number", trackingNumber);
        state.put("status", status);
        state.put("carrier", carrier);
        return state;
    }
}
