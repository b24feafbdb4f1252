package io.herald.inventory.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.DemoMode;
import io.herald.common.control.JsonInput;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds inventory demo data when {@code herald.demo.enabled} is true and the demo user has no
 * products yet: products of user {@code alice} that expire in 2 days, tomorrow and 30 days, and
 * one that expired yesterday, so that the first expiry scan fills alice's inbox.
 */
@Singleton
@Startup
public class InventoryDemoData {

    public static final String DEMO_USER = "alice";
    private static final Logger LOG = Logger.getLogger(InventoryDemoData.class.getName());

    @Inject
    @ConfigProperty(name = DemoMode.ENABLED, defaultValue = DemoMode.DEFAULT)
    boolean enabled;

    @Inject
    @ConfigProperty(name = "herald.inventory.zone", defaultValue = "UTC")
    String zone;

    @Inject
    ProductShelf shelf;

    @PostConstruct
    void seed() {
        if (!enabled || !shelf.list(DEMO_USER).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        add("Organic Milk", today.plusDays(2));
        add("Greek Yogurt", today.plusDays(1));
        add("Sourdough Bread", today.minusDays(1));
        add("Basmati Rice", today.plusDays(30));
        LOG.info("Seeded the inventory demo data for user " + DEMO_USER);
    }

    private void add(String name, LocalDate expiry) {
        shelf.create(DEMO_USER, JsonInput.of(JSON.createObjectBuilder().add("name", name).add("expiry_date", expiry.toString()).build()));
    }
}
