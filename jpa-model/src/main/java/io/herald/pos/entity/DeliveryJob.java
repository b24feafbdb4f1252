package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Set;

/** An order from a delivery platform: received, then a driver assigned, then picked up. */
@Entity
@Table(name = "pos_delivery_job")
public class DeliveryJob extends PosRecord {

    public static final Set<String> PLATFORMS = Set.of("doordash", "ubereats", "grubhub");
    public static final String RECEIVED = "received";
    public static final String DRIVER_ASSIGNED = "driver_assigned";
    public static final String PICKED_UP = "picked_up";

    @Column(name = "platform", nullable = false, length = 20)
    private String platform;

    @Column(name = "external_id", length = 100)
    private String externalId;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "driver", length = 200)
    private String driver;

    protected DeliveryJob() {
    }

    public DeliveryJob(String locationId, String platform, String externalId, long now) {
        super("dlv", locationId, now);
        this.platform = platform;
        this.externalId = externalId;
        this.status = RECEIVED;
    }

    /** @return the problem, or {@code null} when the driver is assigned */
    public String assign(String driverName, long now) {
        if (PICKED_UP.equals(status)) {
            return "Delivery " + getId() + " is picked up already";
        }
        status = DRIVER_ASSIGNED;
        driver = driverName;
        touch(now);
        return null;
    }

    /** @return the problem, or {@code null} when it is picked up */
    public String pickUp(long now) {
        if (!DRIVER_ASSIGNED.equals(status)) {
            return "Delivery " + getId() + " is " + status + "; a driver must be assigned first";
        }
        status = PICKED_UP;
        touch(now);
        return null;
    }

    public String getPlatform() {
        return platform;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getStatus() {
        return status;
    }

    public String getDriver() {
        return driver;
    }
}
