package io.herald.eventlog.control;

import io.herald.api.HeraldEvent;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Observes every {@link HeraldEvent}: durable events are appended to the event log in the
 * current transaction; all of a transaction's events are handed to the publisher after it
 * commits, and dropped if it rolls back. Events fired outside a transaction go out at once.
 */
@ApplicationScoped
public class Outbox {

    private static final Object PENDING = Outbox.class.getName() + ".pending";

    @Inject
    EventLog eventLog;

    @Inject
    EventPublisher publisher;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void onEvent(@Observes HeraldEvent event) {
        record(event);
    }

    /**
     * What firing {@code event} does, for a caller that needs the id the event log gave it (to store
     * beside the record the event announces). @return the event as logged (id {@code 0} if ephemeral)
     */
    public EventEnvelope record(HeraldEvent event) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            EventEnvelope envelope = event.durable() ? eventLog.appendNow(event) : ephemeral(event);
            publisher.publish(List.of(envelope));
            return envelope;
        }
        EventEnvelope envelope = event.durable() ? eventLog.append(event) : ephemeral(event);
        pendingInThisTransaction().add(envelope);
        return envelope;
    }

    private List<EventEnvelope> pendingInThisTransaction() {
        @SuppressWarnings("unchecked")
        List<EventEnvelope> pending = (List<EventEnvelope>) transactions.getResource(PENDING);
        if (pending == null) {
            List<EventEnvelope> created = new ArrayList<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        publisher.publish(created);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }

    private static EventEnvelope ephemeral(HeraldEvent event) {
        return new EventEnvelope(0, event.product(), event.type(), event.routingKeys(), event.data(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
