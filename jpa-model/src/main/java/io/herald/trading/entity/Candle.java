package io.herald.trading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One candle of a symbol and timeframe: open, high, low and close price and the volume of the
 * ticks whose time falls in {@code [start, start + timeframe)}.
 */
@Entity
@Table(name = "trading_candle", indexes = @Index(name = "trading_candle_series", columnList = "symbol, timeframe, start_at"))
@NamedQuery(name = "Candle.series",
        query = "SELECT c FROM Candle c WHERE c.symbol = :symbol AND c.timeframe = :timeframe AND c.startAt >= :since ORDER BY c.startAt DESC")
@NamedQuery(name = "Candle.oldestSince",
        query = "SELECT c FROM Candle c WHERE c.symbol = :symbol AND c.timeframe = :timeframe AND c.startAt >= :since ORDER BY c.startAt")
@NamedQuery(name = "Candle.rangeSince",
        query = "SELECT MAX(c.high), MIN(c.low), SUM(c.volume) FROM Candle c WHERE c.symbol = :symbol AND c.timeframe = :timeframe AND c.startAt >= :since")
public class Candle {

    /** {@code <symbol>|<timeframe>|<start epoch ms>}. */
    @Id
    @Column(name = "id", length = 60)
    private String id;

    @Column(name = "symbol", nullable = false, length = 24)
    private String symbol;

    @Column(name = "timeframe", nullable = false, length = 4)
    private String timeframe;

    /** Epoch milliseconds. */
    @Column(name = "start_at", nullable = false)
    private long startAt;

    @Column(name = "open_price", nullable = false, precision = 24, scale = 8)
    private BigDecimal open;

    @Column(name = "high_price", nullable = false, precision = 24, scale = 8)
    private BigDecimal high;

    @Column(name = "low_price", nullable = false, precision = 24, scale = 8)
    private BigDecimal low;

    @Column(name = "close_price", nullable = false, precision = 24, scale = 8)
    private BigDecimal close;

    @Column(name = "volume", nullable = false, precision = 30, scale = 8)
    private BigDecimal volume;

    /** Time of the tick that set {@code close}, epoch ms: a late tick does not move the close back. */
    @Column(name = "close_at", nullable = false)
    private long closeAt;

    protected Candle() {
    }

    public Candle(String symbol, String timeframe, long startAt, BigDecimal price, BigDecimal volume, long at) {
        this.id = key(symbol, timeframe, startAt);
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.startAt = startAt;
        this.open = price;
        this.high = price;
        this.low = price;
        this.close = price;
        this.volume = volume;
        this.closeAt = at;
    }

    public static String key(String symbol, String timeframe, long startAt) {
        return symbol + "|" + timeframe + "|" + startAt;
    }

    /** Adds a tick of this candle's interval. */
    public void add(BigDecimal price, BigDecimal tickVolume, long at) {
        high = high.max(price);
        low = low.min(price);
        if (at >= closeAt) {
            close = price;
            closeAt = at;
        }
        volume = volume.add(tickVolume);
    }

    public String getSymbol() {
        return symbol;
    }

    public String getTimeframe() {
        return timeframe;
    }

    public long getStartAt() {
        return startAt;
    }

    public BigDecimal getOpen() {
        return open;
    }

    public BigDecimal getHigh() {
        return high;
    }

    public BigDecimal getLow() {
        return low;
    }

    public BigDecimal getClose() {
        return close;
    }

    public BigDecimal getVolume() {
        return volume;
    }
}
