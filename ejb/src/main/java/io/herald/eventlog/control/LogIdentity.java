package io.herald.eventlog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The event log's identity: its epoch (a random name given to the database by the migration
 * {@code V2__log_identity}) and how far retention has pruned it ({@code pruned_through}, the highest
 * deleted id). Every node of a cluster reads the same row.
 */
@ApplicationScoped
public class LogIdentity {

    static final String TABLE = "herald_log_identity";

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    private volatile String epoch;

    /** An identity whose epoch is already known (tests of code that only stamps events with it). */
    static LogIdentity known(String epoch) {
        LogIdentity identity = new LogIdentity();
        identity.epoch = epoch;
        return identity;
    }

    /**
     * The epoch; constant for the life of the database, read once. The first read can come from an
     * entity listener while the transaction flushes (an event fired by a change): the query must not
     * flush again (EclipseLink would warn "already flushing"), and the row never changes in it.
     */
    public String epoch() {
        String known = epoch;
        if (known == null) {
            known = (String) em.createNativeQuery("SELECT epoch FROM " + TABLE).setFlushMode(FlushModeType.COMMIT).getSingleResult();
            epoch = known;
        }
        return known;
    }

    /** The highest event id that retention has deleted, {@code 0} when nothing was. */
    public long prunedThrough() {
        return ((Number) em.createNativeQuery("SELECT pruned_through FROM " + TABLE).getSingleResult()).longValue();
    }

    /** Records that events up to {@code id} may be gone (in the caller's transaction). */
    void prunedThrough(long id) {
        em.createNativeQuery("UPDATE " + TABLE + " SET pruned_through = ? WHERE pruned_through < ?")
                .setParameter(1, id).setParameter(2, id).executeUpdate();
    }
}
