package io.herald.trading.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The candle timeframes Herald aggregates ticks into. */
public enum Timeframe {

    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    H1("1h", Duration.ofHours(1));

    private final String wireName;
    private final long millis;

    Timeframe(String wireName, Duration length) {
        this.wireName = wireName;
        this.millis = length.toMillis();
    }

    public String wireName() {
        return wireName;
    }

    public long millis() {
        return millis;
    }

    /** The start of the candle that contains {@code epochMillis}. */
    public long startOf(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    public static Optional<Timeframe> named(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
