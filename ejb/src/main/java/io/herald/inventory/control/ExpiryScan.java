package io.herald.inventory.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJBException;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Warns owners of products that expire soon. Runs every {@code herald.inventory.expiry-scan.interval-seconds}
 * on every node (the notices' unique keys keep them single), on demand, and for one product right
 * after it was created or its expiry date changed.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiryScan {

    /** What one scan did. */
    public record Result(int productsChecked, int notificationsCreated) {
    }

    private static final Logger LOG = Logger.getLogger(ExpiryScan.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    ExpiryNotices notices;

    @Inject
    @ConfigProperty(name = "herald.inventory.expiry-scan.interval-seconds", defaultValue = "3600")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "herald.inventory.expiry-warning-days", defaultValue = "3")
    int horizonDays;

    @Inject
    @ConfigProperty(name = "herald.inventory.zone", defaultValue = "UTC")
    String zone;

    @PostConstruct
    void schedule() {
        if (intervalSeconds > 0) {
            timers.createIntervalTimer(10_000, intervalSeconds * 1000, new TimerConfig("inventory expiry scan", false));
        }
    }

    @Timeout
    void scheduled() {
        Result result = scan();
        if (result.notificationsCreated() > 0) {
            LOG.info(() -> "Expiry scan: " + result.notificationsCreated() + " notifications for " + result.productsChecked() + " products");
        }
    }

    /** Scans every product that expires within the warning horizon (or has expired). */
    @Lock(LockType.READ)
    public Result scan() {
        LocalDate today = today();
        List<Long> due = em.createNamedQuery("ExpiringProduct.expiringBy", Long.class)
                .setParameter("last", today.plusDays(horizonDays))
                .getResultList();
        int created = 0;
        for (long id : due) {
            if (checkOne(id, today)) {
                created++;
            }
        }
        return new Result(due.size(), created);
    }

    /** Checks one product soon, outside the caller's transaction (after it committed). */
    @Asynchronous
    @Lock(LockType.READ)
    public void checkSoon(long productId) {
        checkOne(productId, today());
    }

    private boolean checkOne(long productId, LocalDate today) {
        try {
            return notices.check(productId, today, horizonDays);
        } catch (EJBException e) {
            // most likely another node created the same notice at the same moment
            LOG.log(Level.FINE, "Expiry check of product " + productId + " rolled back", e);
            return false;
        }
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of(zone));
    }
}
