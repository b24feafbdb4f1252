package io.herald.orders.control;

import io.herald.common.control.ConflictException;
import io.herald.common.control.DemoMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the order-status demo data when {@code herald.demo.enabled} is true and organization
 * {@code acme} does not exist yet: organizations {@code acme} (key {@code ak_demo_acme} / secret
 * {@code sk_demo_acme}) and {@code globex} ({@code ak_demo_globex} / {@code sk_demo_globex}), each
 * with a pending and a processing order. Every step is a transaction of its own, so a node that
 * loses the race against another node seeding at the same moment just stops.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrdersDemoData {

    private static final Logger LOG = Logger.getLogger(OrdersDemoData.class.getName());

    @Inject
    @ConfigProperty(name = DemoMode.ENABLED, defaultValue = DemoMode.DEFAULT)
    boolean enabled;

    @Inject
    Organizations organizations;

    @Inject
    OrderBook orders;

    @PostConstruct
    void seed() {
        if (!enabled || organizations.exists("acme")) {
            return;
        }
        try {
            seed("acme", "Acme Corp", "ak_demo_acme", "sk_demo_acme", "ACME-1001", "ACME-1002");
            seed("globex", "Globex Corporation", "ak_demo_globex", "sk_demo_globex", "GLOBEX-2001", "GLOBEX-2002");
            LOG.info("Seeded the order-status demo data: api_key ak_demo_acme (secret sk_demo_acme) and ak_demo_globex (secret sk_demo_globex)");
        } catch (ConflictException e) {
            LOG.info(() -> "Order-status demo data is being seeded by another node: " + e.getMessage());
        }
    }

    private void seed(String id, String name, String apiKey, String secret, String pendingReference, String processingReference) {
        organizations.create(id, name);
        organizations.issueKey(id, apiKey, secret);
        orders.create(id, pendingReference);
        String processing = orders.create(id, processingReference).id();
        orders.changeStatus(id, processing, OrderLifecycle.PROCESSING);
    }
}
