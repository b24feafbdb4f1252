package io.herald.trading.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GuardThresholdsTest {

    private static GuardThresholds of(String atRisk, String autoClose) {
        return new GuardThresholds(new BigDecimal(atRisk), new BigDecimal(autoClose));
    }

    @Test
    void theAutoCloseThresholdMustBeBelowTheAtRiskOneAndBothInsideTheMargin() {
        assertDoesNotThrow(() -> of("0.85", "0.25"));
        assertDoesNotThrow(() -> of("0.5", "0"));
        assertThrows(IllegalStateException.class, () -> of("0.25", "0.25"));
        assertThrows(IllegalStateException.class, () -> of("0.2", "0.3"));
        assertThrows(IllegalStateException.class, () -> of("1", "0.3"));
        assertThrows(IllegalStateException.class, () -> of("0.5", "-0.1"));
    }
}
