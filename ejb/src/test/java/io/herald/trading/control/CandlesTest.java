package io.herald.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.trading.entity.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandlesTest {

    private static final long T = Instant.parse("2025-01-06T10:30:17Z").toEpochMilli();

    @Test
    void ticksFallIntoTheirTimeframesCandle() {
        assertEquals(Instant.parse("2025-01-06T10:30:00Z").toEpochMilli(), Timeframe.M1.startOf(T));
        assertEquals(Instant.parse("2025-01-06T10:30:00Z").toEpochMilli(), Timeframe.M5.startOf(T));
        assertEquals(Instant.parse("2025-01-06T10:00:00Z").toEpochMilli(), Timeframe.H1.startOf(T));
        assertEquals(Instant.parse("2025-01-06T10:25:00Z").toEpochMilli(), Timeframe.M5.startOf(T - 60_000));
        assertEquals(Timeframe.H1, Timeframe.named("1h").orElseThrow());
    }

    @Test
    void aCandleKeepsOpenHighLowCloseAndVolume() {
        Candle c = new Candle("BTC_USD", "1m", Timeframe.M1.startOf(T), new BigDecimal("43000"), new BigDecimal("2"), T);
        c.add(new BigDecimal("43500"), new BigDecimal("1"), T + 1000);
        c.add(new BigDecimal("42800"), new BigDecimal("0.5"), T + 2000);
        c.add(new BigDecimal("43250"), BigDecimal.ONE, T + 3000);
        c.add(new BigDecimal("49999"), BigDecimal.ONE, T + 500); // late: counts for high and volume, not for the close

        assertEquals(new BigDecimal("43000"), c.getOpen());
        assertEquals(new BigDecimal("49999"), c.getHigh());
        assertEquals(new BigDecimal("42800"), c.getLow());
        assertEquals(new BigDecimal("43250"), c.getClose());
        assertEquals(new BigDecimal("5.5"), c.getVolume());
        assertEquals("{\"time\":1736159400,\"open\":43000,\"high\":49999,\"low\":42800,\"close\":43250,\"volume\":5.5}", MarketData.wire(c).toString());
    }

    @Test
    void numbersArePlain() {
        assertEquals("43000", MarketData.plain(new BigDecimal("4.3E+4")).toPlainString());
        assertEquals("0.5", MarketData.plain(new BigDecimal("0.50000000")).toString());
    }
}
