package io.herald.trading.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.trading.entity.PriceAlert;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceAlertTest {

    @Test
    void aboveAndBelowIncludeThePriceItself() {
        PriceAlert above = new PriceAlert("u", "BTC_USD", "above", new BigDecimal("45000"), 0);
        PriceAlert below = new PriceAlert("u", "BTC_USD", "below", new BigDecimal("42000.5"), 0);

        assertFalse(above.isMetBy(new BigDecimal("44999.99")));
        assertTrue(above.isMetBy(new BigDecimal("45000.00")));
        assertTrue(above.isMetBy(new BigDecimal("45200")));
        assertFalse(below.isMetBy(new BigDecimal("42000.51")));
        assertTrue(below.isMetBy(new BigDecimal("42000.5")));
        assertThrows(IllegalArgumentException.class, () -> new PriceAlert("u", "BTC_USD", "sideways", BigDecimal.ONE, 0));
    }
}
