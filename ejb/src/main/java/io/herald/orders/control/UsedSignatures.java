package io.herald.orders.control;

import io.herald.common.control.LogLimiter;
import io.herald.orders.entity.UsedSignature;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link SignatureLedger} of the cluster, in the shared database: a claim inserts the
 * signature as a primary key, in a transaction of its own that commits before the connection or
 * request is accepted, so of two nodes presenting the same signature at once one insert fails and
 * that node refuses it. Every minute each node deletes the signatures past their keep-until time.
 */
@Singleton
// no container lock: claims run concurrently, each in its own transaction
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UsedSignatures {

    private static final Logger LOG = Logger.getLogger(UsedSignatures.class.getName());
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    /** See {@link SignatureLedger#claim}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String apiKey, String signature, Instant keepUntil) {
        if (em.find(UsedSignature.class, signature) != null) {
            return false;
        }
        em.persist(new UsedSignature(signature, apiKey, keepUntil.toEpochMilli()));
        try {
            em.flush();
            return true;
        } catch (PersistenceException e) {
            // another node inserted it between the look-up and the insert; the provider has marked
            // this transaction for rollback, which the container does when this method returns
            LOG.fine(() -> "Signature of API key " + apiKey + " claimed concurrently: " + e);
            return false;
        }
    }

    @Schedule(hour = "*", minute = "*", second = "23", persistent = false)
    void prune() {
        try {
            int removed = em.createNamedQuery("UsedSignature.prune").setParameter("now", System.currentTimeMillis()).executeUpdate();
            if (removed > 0) {
                LOG.fine(() -> "Forgot " + removed + " used signatures past their window");
            }
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, () -> "Pruning used order-status signatures failed: " + e);
        }
    }
}
