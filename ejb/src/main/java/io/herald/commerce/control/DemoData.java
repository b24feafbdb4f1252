package io.herald.commerce.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.DemoMode;
import io.herald.common.control.JsonInput;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the commerce demo data (user {@code admin@example.com} / {@code admin}, customers,
 * products, orders) at start-up when {@code herald.demo.enabled} is true and no user exists yet.
 */
@Singleton
@Startup
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = DemoMode.ENABLED, defaultValue = DemoMode.DEFAULT)
    boolean enabled;

    @Inject
    BackOffice backOffice;

    @Inject
    CommerceStore store;

    @PostConstruct
    void seed() {
        if (!enabled || backOffice.byEmail("admin@example.com").isPresent()) {
            return;
        }
        backOffice.createUser("admin@example.com", "Demo Admin", "admin");
        backOffice.createUser("support@example.com", "Demo Support", "support");
        Object ada = create(CommerceKind.CUSTOMERS, Map.of("email", "ada@example.com", "first_name", "Ada", "last_name", "Lovelace"));
        Object alan = create(CommerceKind.CUSTOMERS, Map.of("email", "alan@example.com", "first_name", "Alan", "last_name", "Turing"));
        create(CommerceKind.CUSTOMERS, Map.of("email", "grace@example.com", "first_name", "Grace", "last_name", "Hopper"));
        create(CommerceKind.PRODUCTS, Map.of("name", "Organic Milk", "sku", "SKU-MILK-1", "status", "published", "price", 2.49, "stock", 120));
        create(CommerceKind.PRODUCTS, Map.of("name", "Espresso Beans 1kg", "sku", "SKU-BEAN-1", "status", "published", "price", 24.90, "stock", 35));
        create(CommerceKind.PRODUCTS, Map.of("name", "Ceramic Mug", "sku", "SKU-MUG-1", "status", "draft", "price", 9.99, "stock", 0));
        Object order = create(CommerceKind.ORDERS, Map.of("total", 99.99, "customer_id", ada, "currency", "USD"));
        create(CommerceKind.ORDERS, Map.of("total", 24.90, "customer_id", alan, "currency", "EUR", "status", "processing", "payment_status", "paid"));
        create(CommerceKind.SHIPMENTS, Map.of("order_id", order, "carrier", "UPS", "tracking_number", "1Z999AA10123456784"));
        create(CommerceKind.TRANSACTIONS, Map.of("order_id", order, "type", "payment", "status", "completed", "amount", 99.99, "gateway", "stripe"));
        LOG.info("Seeded the commerce demo data: log in as admin@example.com / admin");
    }

    private Object create(CommerceKind kind, Map<String, ?> fields) {
        var builder = JSON.createObjectBuilder();
        fields.forEach((k, v) -> {
            if (v instanceof Number n) {
                builder.add(k, new java.math.BigDecimal(n.toString()));
            } else {
                builder.add(k, v.toString());
            }
        });
        return store.create(kind, JsonInput.of(builder.build())).get("id");
    }
}
