package io.herald.trading.entity;

import io.herald.common.entity.RecordIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A user's price alert: fires once, the first time a tick of its symbol is at or above
 * ({@code above}) or at or below ({@code below}) its price; then it stays as a triggered record.
 */
@Entity
@Table(name = "trading_price_alert", indexes = {
    @Index(name = "trading_price_alert_armed", columnList = "symbol, triggered_at"),
    @Index(name = "trading_price_alert_user", columnList = "user_id")
})
@NamedQuery(name = "PriceAlert.armed",
        query = "SELECT a FROM PriceAlert a WHERE a.symbol = :symbol AND a.triggeredAt IS NULL AND "
                + "((a.condition = 'above' AND a.price <= :price) OR (a.condition = 'below' AND a.price >= :price))")
@NamedQuery(name = "PriceAlert.claim",
        query = "UPDATE PriceAlert a SET a.triggeredAt = :at, a.triggerPrice = :price WHERE a.id = :id AND a.triggeredAt IS NULL")
@NamedQuery(name = "PriceAlert.ofUser",
        query = "SELECT a FROM PriceAlert a WHERE a.userId = :user ORDER BY a.createdAt, a.id")
public class PriceAlert {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "user_id", nullable = false, length = 255)
    private String userId;

    @Column(name = "symbol", nullable = false, length = 24)
    private String symbol;

    /** {@code above} or {@code below}. */
    @Column(name = "alert_condition", nullable = false, length = 5)
    private String condition;

    @Column(name = "price", nullable = false, precision = 24, scale = 8)
    private BigDecimal price;

    /** Epoch milliseconds. */
    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** Epoch milliseconds; {@code null} while armed. */
    @Column(name = "triggered_at")
    private Long triggeredAt;

    @Column(name = "trigger_price", precision = 24, scale = 8)
    private BigDecimal triggerPrice;

    protected PriceAlert() {
    }

    public PriceAlert(String userId, String symbol, String condition, BigDecimal price, long now) {
        this.id = RecordIds.next("alert_");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        if (!condition.equals("above") && !condition.equals("below")) {
            throw new IllegalArgumentException("condition must be above or below");
        }
        this.condition = condition;
        this.price = Objects.requireNonNull(price, "price");
        this.createdAt = now;
    }

    /** Whether a tick at {@code tickPrice} meets the condition. */
    public boolean isMetBy(BigDecimal tickPrice) {
        int cmp = tickPrice.compareTo(price);
        return condition.equals("above") ? cmp >= 0 : cmp <= 0;
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getSymbol() {
        return symbol;
    }

    public String getCondition() {
        return condition;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public Long getTriggeredAt() {
        return triggeredAt;
    }

    public BigDecimal getTriggerPrice() {
        return triggerPrice;
    }
}
