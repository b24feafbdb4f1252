package io.herald.trading.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The margin guard's thresholds on a position's distance to liquidation (the part of its margin
 * left, see {@link io.herald.trading.entity.TradingPosition}): at risk at or below
 * {@code herald.trading.margin-guard.at-risk} (0.85, the document's examples: 0.82 at risk, 0.92
 * not), closed by the guard at or below {@code herald.trading.margin-guard.auto-close} (0.25).
 */
@ApplicationScoped
public class GuardThresholds {

    @Inject
    @ConfigProperty(name = "herald.trading.margin-guard.at-risk", defaultValue = "0.85")
    BigDecimal atRisk;

    @Inject
    @ConfigProperty(name = "herald.trading.margin-guard.auto-close", defaultValue = "0.25")
    BigDecimal autoClose;

    public GuardThresholds() {
    }

    GuardThresholds(BigDecimal atRisk, BigDecimal autoClose) {
        this.atRisk = atRisk;
        this.autoClose = autoClose;
        check();
    }

    @PostConstruct
    void check() {
        if (autoClose.signum() < 0 || autoClose.compareTo(atRisk) >= 0 || atRisk.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalStateException("herald.trading.margin-guard: need 0 <= auto-close < at-risk < 1, got auto-close "
                    + autoClose + " and at-risk " + atRisk);
        }
    }

    public BigDecimal atRisk() {
        return atRisk;
    }

    public BigDecimal autoClose() {
        return autoClose;
    }
}
