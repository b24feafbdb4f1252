package io.herald.trading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.trading.entity.TradingPosition.Transition;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TradingPositionTest {

    private static final BigDecimal AT_RISK = new BigDecimal("0.85");
    private static final BigDecimal AUTO_CLOSE = new BigDecimal("0.25");

    /** The document's example: 1,000 at 43,000 with 100 margin at 10×. */
    private static TradingPosition position(String side) {
        return new TradingPosition("u1", "BTC_USD", side, new BigDecimal("1000"), new BigDecimal("43000"), new BigDecimal("100"), 10, 0);
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aLongGainsWhenThePriceRisesAndIsLiquidatedWhenTheLossEatsTheMargin() {
        TradingPosition p = position("long");
        assertEquals(0, d("11.62790698").compareTo(p.pnlAt(d("43500"))));
        assertEquals(0, d("-100").compareTo(p.pnlAt(d("38700"))));
        assertEquals(0, d("38700").compareTo(p.liquidationPrice()));
        assertEquals(0, BigDecimal.ONE.compareTo(p.distanceAt(d("43000"))));
        assertEquals(0, d("1.1162").compareTo(p.distanceAt(d("43500"))), "above 1 in profit");
        assertEquals(0, d("0.5").compareTo(p.distanceAt(d("40850"))), "half the margin lost");
        assertEquals(0, BigDecimal.ZERO.compareTo(p.distanceAt(d("38700"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.distanceAt(d("30000"))), "never below 0");
    }

    @Test
    void aShortIsTheMirrorImage() {
        TradingPosition p = position("short");
        assertEquals(0, d("-11.62790698").compareTo(p.pnlAt(d("43500"))));
        assertEquals(0, d("47300").compareTo(p.liquidationPrice()));
        assertEquals(0, d("0.5").compareTo(p.distanceAt(d("45150"))));
        assertEquals(0, d("1.5").compareTo(p.distanceAt(d("40850"))));
    }

    @Test
    void theDistanceIsRoundedDownSoTheGuardNeverActsLate() {
        TradingPosition p = position("long");
        // 0.8499… is shown and judged as 0.8499, at risk
        BigDecimal price = d("42355");
        assertEquals(0, d("0.85").compareTo(p.distanceAt(price)));
        assertEquals(0, d("0.8499").compareTo(p.distanceAt(d("42354.99"))));
    }

    @Test
    void theGuardSeesEachTransitionOnce() {
        TradingPosition p = position("long");
        assertEquals(Transition.SAFE, p.revalue(d("43500"), 1, AT_RISK, AUTO_CLOSE));
        assertFalse(p.isAtRisk());
        assertEquals(Transition.BECAME_AT_RISK, p.revalue(d("42355"), 2, AT_RISK, AUTO_CLOSE), "0.85 is at risk");
        assertTrue(p.isAtRisk());
        assertEquals(Transition.STILL_AT_RISK, p.revalue(d("42000"), 3, AT_RISK, AUTO_CLOSE));
        assertEquals(Transition.RECOVERED, p.revalue(d("42800"), 4, AT_RISK, AUTO_CLOSE));
        assertEquals(Transition.BECAME_AT_RISK, p.revalue(d("42000"), 5, AT_RISK, AUTO_CLOSE), "again after recovering");
        assertEquals(Transition.AUTO_CLOSED, p.revalue(d("39775"), 6, AT_RISK, AUTO_CLOSE), "0.25 closes");
        assertFalse(p.isOpen());
        assertEquals(TradingPosition.GUARD_CLOSE, p.getCloseReason());
        assertEquals(6L, p.getClosedAt());
        assertEquals(0, d("-75").compareTo(p.getPnl()));
        assertEquals(0, d("39775").compareTo(p.getCurrentPrice()));
        assertThrows(IllegalStateException.class, () -> p.revalue(d("30000"), 7, AT_RISK, AUTO_CLOSE), "a closed position is not revalued");
        assertThrows(IllegalStateException.class, () -> p.close(8, TradingPosition.USER_CLOSE));
    }

    @Test
    void aPriceGapCanGoFromSafeStraightToClosed() {
        TradingPosition p = position("short");
        assertEquals(Transition.AUTO_CLOSED, p.revalue(d("50000"), 1, AT_RISK, AUTO_CLOSE));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.getDistanceToLiquidation()));
        assertEquals(0, d("-162.79069767").compareTo(p.getPnl()), "the loss past the margin is shown as it is");
    }

    @Test
    void ordersThatCannotBeHeldAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TradingPosition("u1", "BTC_USD", "long", d("1001"), d("43000"), d("100"), 10, 0), "size above margin × leverage");
        assertThrows(IllegalArgumentException.class,
                () -> new TradingPosition("u1", "BTC_USD", "sideways", d("100"), d("43000"), d("100"), 10, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new TradingPosition("u1", "BTC_USD", "long", d("100"), d("43000"), BigDecimal.ZERO, 10, 0));
    }
}
