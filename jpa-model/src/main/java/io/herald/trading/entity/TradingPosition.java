package io.herald.trading.entity;

import io.herald.common.entity.RecordIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A user's leveraged position in one market. {@code size} is the position's value in the quote
 * currency at entry (at most {@code margin × leverage}); at a price {@code p} a long position's
 * profit is {@code size × (p − entry) / entry} (a short one's the negative). Its
 * <em>distance to liquidation</em> is the part of the margin still left, {@code (margin + pnl) / margin}:
 * 1 at entry, more in profit, 0 when the loss has eaten the margin (at the liquidation price).
 * <p>
 * The margin guard moves it through its states: safe, at risk (distance at or below the at-risk
 * threshold), closed (by its owner, or by the guard when the distance is at or below the auto-close
 * threshold). {@link #revalue} reports which transition a price caused, so that each is acted on once.
 */
@Entity
@Table(name = "trading_position", indexes = {
    @Index(name = "trading_position_symbol", columnList = "symbol, status"),
    @Index(name = "trading_position_user", columnList = "user_id, status")
})
@NamedQuery(name = "TradingPosition.openIn",
        query = "SELECT p FROM TradingPosition p WHERE p.symbol = :symbol AND p.status = 'open' ORDER BY p.id")
@NamedQuery(name = "TradingPosition.openOf",
        query = "SELECT p FROM TradingPosition p WHERE p.userId = :user AND p.status = 'open' ORDER BY p.id")
@NamedQuery(name = "TradingPosition.ofUser",
        query = "SELECT p FROM TradingPosition p WHERE p.userId = :user ORDER BY p.openedAt DESC, p.id")
@NamedQuery(name = "TradingPosition.countOpenOf",
        query = "SELECT COUNT(p) FROM TradingPosition p WHERE p.userId = :user AND p.status = 'open'")
public class TradingPosition {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    /** {@code closeReason} of a position its owner closed. */
    public static final String USER_CLOSE = "user_close";
    /** {@code closeReason} of a position the margin guard closed (the document's {@code reason}). */
    public static final String GUARD_CLOSE = "margin_guard_auto_close";
    private static final int MONEY_SCALE = 8;
    private static final int DISTANCE_SCALE = 4;

    /** What a new price did to the position. */
    public enum Transition {
        /** Safe before and after. */
        SAFE,
        /** Was at risk, is safe again. */
        RECOVERED,
        /** Was safe, is at risk now. */
        BECAME_AT_RISK,
        /** Was at risk, still is. */
        STILL_AT_RISK,
        /** At or below the auto-close threshold: closed at this price. */
        AUTO_CLOSED
    }

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "user_id", nullable = false, length = 255)
    private String userId;

    @Column(name = "symbol", nullable = false, length = 24)
    private String symbol;

    /** {@code long} or {@code short}. */
    @Column(name = "side", nullable = false, length = 5)
    private String side;

    @Column(name = "size", nullable = false, precision = 24, scale = 8)
    private BigDecimal size;

    @Column(name = "entry_price", nullable = false, precision = 24, scale = 8)
    private BigDecimal entryPrice;

    @Column(name = "margin", nullable = false, precision = 24, scale = 8)
    private BigDecimal margin;

    @Column(name = "leverage", nullable = false)
    private int leverage;

    /** The last price it was valued at (the close price once closed). */
    @Column(name = "current_price", nullable = false, precision = 24, scale = 8)
    private BigDecimal currentPrice;

    @Column(name = "pnl", nullable = false, precision = 24, scale = 8)
    private BigDecimal pnl;

    @Column(name = "distance", nullable = false, precision = 12, scale = 4)
    private BigDecimal distanceToLiquidation;

    @Column(name = "at_risk", nullable = false)
    private boolean atRisk;

    @Column(name = "status", nullable = false, length = 6)
    private String status;

    /** Epoch milliseconds. */
    @Column(name = "opened_at", nullable = false)
    private long openedAt;

    /** Epoch milliseconds. */
    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    /** Epoch milliseconds; {@code null} while open. */
    @Column(name = "closed_at")
    private Long closedAt;

    @Column(name = "close_reason", length = 40)
    private String closeReason;

    protected TradingPosition() {
    }

    public TradingPosition(String userId, String symbol, String side, BigDecimal size, BigDecimal entryPrice, BigDecimal margin, int leverage, long now) {
        if (!"long".equals(side) && !"short".equals(side)) {
            throw new IllegalArgumentException("side must be long or short");
        }
        if (size.signum() <= 0 || entryPrice.signum() <= 0 || margin.signum() <= 0 || leverage < 1) {
            throw new IllegalArgumentException("size, entry price, margin and leverage must be positive");
        }
        if (size.compareTo(margin.multiply(BigDecimal.valueOf(leverage))) > 0) {
            throw new IllegalArgumentException("size must be at most margin × leverage");
        }
        this.id = RecordIds.next("pos_");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.side = side;
        this.size = size;
        this.entryPrice = entryPrice;
        this.margin = margin;
        this.leverage = leverage;
        this.status = OPEN;
        this.openedAt = now;
        value(entryPrice, now);
    }

    /** Profit (negative: loss) in the quote currency at {@code price}. */
    public BigDecimal pnlAt(BigDecimal price) {
        BigDecimal move = "long".equals(side) ? price.subtract(entryPrice) : entryPrice.subtract(price);
        return size.multiply(move).divide(entryPrice, MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /** The part of the margin left at {@code price}, never below 0, rounded down to 4 decimals. */
    public BigDecimal distanceAt(BigDecimal price) {
        BigDecimal left = margin.add(pnlAt(price)).divide(margin, DISTANCE_SCALE, RoundingMode.FLOOR);
        return left.signum() < 0 ? BigDecimal.ZERO.setScale(DISTANCE_SCALE) : left;
    }

    /** The price at which the loss equals the margin (distance 0). */
    public BigDecimal liquidationPrice() {
        BigDecimal part = entryPrice.multiply(margin).divide(size, MONEY_SCALE, RoundingMode.HALF_UP);
        BigDecimal price = "long".equals(side) ? entryPrice.subtract(part) : entryPrice.add(part);
        return price.signum() < 0 ? BigDecimal.ZERO : price;
    }

    /**
     * Values the open position at a new price and moves it through the guard's states: at risk
     * when its distance is at or below {@code atRiskAt}, closed (reason
     * {@value #GUARD_CLOSE}) when at or below {@code autoCloseAt}.
     */
    public Transition revalue(BigDecimal price, long now, BigDecimal atRiskAt, BigDecimal autoCloseAt) {
        requireOpen();
        boolean wasAtRisk = atRisk;
        value(price, now);
        if (distanceToLiquidation.compareTo(autoCloseAt) <= 0) {
            atRisk = true;
            close(now, GUARD_CLOSE);
            return Transition.AUTO_CLOSED;
        }
        atRisk = distanceToLiquidation.compareTo(atRiskAt) <= 0;
        if (atRisk) {
            return wasAtRisk ? Transition.STILL_AT_RISK : Transition.BECAME_AT_RISK;
        }
        return wasAtRisk ? Transition.RECOVERED : Transition.SAFE;
    }

    /** Closes the open position at its current price. */
    public void close(long now, String reason) {
        requireOpen();
        status = CLOSED;
        closedAt = now;
        updatedAt = now;
        closeReason = Objects.requireNonNull(reason, "reason");
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("position " + id + " is closed");
        }
    }

    private void value(BigDecimal price, long now) {
        currentPrice = price;
        pnl = pnlAt(price);
        distanceToLiquidation = distanceAt(price);
        updatedAt = now;
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

    public String getSide() {
        return side;
    }

    public BigDecimal getSize() {
        return size;
    }

    public BigDecimal getEntryPrice() {
        return entryPrice;
    }

    public BigDecimal getMargin() {
        return margin;
    }

    public int getLeverage() {
        return leverage;
    }

    public BigDecimal getCurrentPrice() {
        return currentPrice;
    }

    public BigDecimal getPnl() {
        return pnl;
    }

    public BigDecimal getDistanceToLiquidation() {
        return distanceToLiquidation;
    }

    public boolean isAtRisk() {
        return atRisk;
    }

    public String getStatus() {
        return status;
    }

    public long getOpenedAt() {
        return openedAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public Long getClosedAt() {
        return closedAt;
    }

    public String getCloseReason() {
        return closeReason;
    }
}
