package io.herald.pos.control;

import io.herald.common.control.DemoMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds point-of-sale demo data when {@code herald.demo.enabled} is true and the first demo
 * location has no tables yet: tables 1–6 and a few stock items at {@value #DOWNTOWN} and
 * {@value #AIRPORT}. The demo users are tokens (README: {@code java -jar herald.jar token}).
 */
@Singleton
@Startup
public class PosDemoData {

    public static final String DOWNTOWN = "loc-xyz789";
    public static final String AIRPORT = "loc-abc456";
    private static final Logger LOG = Logger.getLogger(PosDemoData.class.getName());

    @Inject
    @ConfigProperty(name = DemoMode.ENABLED, defaultValue = DemoMode.DEFAULT)
    boolean enabled;

    @Inject
    PosBackOffice backOffice;

    @PostConstruct
    void seed() {
        if (!enabled || !backOffice.tables(DOWNTOWN).isEmpty()) {
            return;
        }
        for (String location : List.of(DOWNTOWN, AIRPORT)) {
            for (int table = 1; table <= 6; table++) {
                backOffice.createTable(location, String.valueOf(table));
            }
            backOffice.createItem(location, "Burger buns", 120, 24);
            backOffice.createItem(location, "Beef patties", 80, 20);
            backOffice.createItem(location, "Fries (kg)", 40, 8);
        }
        LOG.info("Seeded the point-of-sale demo data at " + DOWNTOWN + " and " + AIRPORT);
    }
}
