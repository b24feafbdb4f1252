package io.herald.eventlog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.api.HeraldEvent;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.EventPublisher;
import jakarta.json.Json;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the outbox gives back to a caller that records an event is what it publishes. */
class OutboxTest {

    private static final HeraldEvent CREATED = HeraldEvent.of("inventory", "notification:created",
            Json.createObjectBuilder().add("id", "42").build(), Set.of("inventory:user:alice"));

    private final List<EventEnvelope> published = new ArrayList<>();
    private final Transaction transaction = new Transaction();
    private final Outbox cut = new Outbox();

    {
        cut.eventLog = new EventLog() {
            private long next = 1042;

            @Override
            public EventEnvelope append(HeraldEvent event) {
                return new EventEnvelope(next++, event.product(), event.type(), event.routingKeys(), event.data(),
                        Instant.parse("2026-03-04T10:30:00Z"), "3f9a0c1d7e42");
            }

            @Override
            public EventEnvelope appendNow(HeraldEvent event) {
                return append(event);
            }
        };
        cut.publisher = new EventPublisher() {
            @Override
            public void publish(Collection<EventEnvelope> events) {
                published.addAll(events);
            }
        };
        cut.transactions = transaction;
    }

    @Test
    void inATransactionTheLoggedEventIsReturnedAndPublishedAfterCommit() {
        transaction.status = Status.STATUS_ACTIVE;

        EventEnvelope logged = cut.record(CREATED);

        assertEquals("3f9a0c1d7e42.1042", logged.wireId());
        assertTrue(published.isEmpty(), "nothing before commit");
        transaction.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of(logged), published);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        transaction.status = Status.STATUS_ACTIVE;
        cut.record(CREATED);

        transaction.complete(Status.STATUS_ROLLEDBACK);

        assertTrue(published.isEmpty());
    }

    @Test
    void outsideATransactionItIsLoggedAndPublishedAtOnce() {
        EventEnvelope logged = cut.record(CREATED);

        assertEquals(1042, logged.id());
        assertEquals(List.of(logged), published);
    }

    @Test
    void anEphemeralEventHasNoId() {
        transaction.status = Status.STATUS_ACTIVE;

        EventEnvelope sent = cut.record(new HeraldEvent("trading", "market_data_update", Json.createObjectBuilder().build(),
                Set.of("trading:market:BTC_USD"), false));

        assertEquals(0, sent.id());
        transaction.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of(sent), published);
    }

    /** One JTA transaction as the registry shows it. */
    private static final class Transaction implements TransactionSynchronizationRegistry {

        int status = Status.STATUS_NO_TRANSACTION;
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int outcome) {
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
