package io.herald.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FanoutTest {

    private static final String ORDERS = "commerce:order_changes";
    private static final String PRODUCTS = "commerce:product_changes";

    private final SessionRegistry registry = new SessionRegistry();
    private final Fanout cut = new Fanout();
    private final RecordingSubscriber alice = new RecordingSubscriber("alice");
    private final RecordingSubscriber bob = new RecordingSubscriber("bob");
    private final RecordingSubscriber carol = new RecordingSubscriber("carol");

    @BeforeEach
    void wire() {
        cut.registry = registry;
        cut.meter = new io.herald.operations.control.GatewayMeter();
        cut.recentEvents = new io.herald.operations.control.RecentEvents();
        cut.dedupeWindow = 100;
        cut.init();
    }

    private static EventEnvelope event(long id, String... keys) {
        return new EventEnvelope(id, "commerce", "order:updated", Set.of(keys),
                Json.createObjectBuilder().add("id", id).build(), Instant.parse("2026-01-25T10:30:00Z"));
    }

    @Test
    void eventsReachOnlySubscribersOfMatchingKeys() {
        registry.subscribe(alice, ORDERS);
        registry.subscribe(bob, PRODUCTS);
        registry.register(carol);

        assertEquals(1, cut.deliver(event(1, ORDERS)));
        assertEquals(1, cut.deliver(event(2, PRODUCTS)));

        assertEquals(List.of(1L), alice.receivedIds());
        assertEquals(List.of(2L), bob.receivedIds());
        assertEquals(List.of(), carol.receivedIds());
    }

    @Test
    void aSubscriberMatchingThroughSeveralKeysGetsTheEventOnce() {
        registry.subscribe(alice, ORDERS);
        registry.subscribe(alice, PRODUCTS);
        registry.subscribe(bob, PRODUCTS);

        assertEquals(2, cut.deliver(event(7, ORDERS, PRODUCTS)));

        assertEquals(List.of(7L), alice.receivedIds());
        assertEquals(List.of(7L), bob.receivedIds());
    }

    @Test
    void allTargetsShareOneDeliverySoEncodingsAreShared() {
        registry.subscribe(alice, ORDERS);
        registry.subscribe(bob, ORDERS);

        cut.deliver(event(3, ORDERS));

        assertSame(alice.received.get(0), bob.received.get(0));
    }

    @Test
    void anEventWithoutSubscribersReachesNobody() {
        registry.subscribe(alice, PRODUCTS);

        assertEquals(0, cut.deliver(event(1, ORDERS)));
        assertEquals(List.of(), alice.receivedIds());
    }

    @Test
    void aDuplicateEventIdIsDropped() {
        registry.subscribe(alice, ORDERS);

        assertEquals(1, cut.deliver(event(5, ORDERS)));
        assertEquals(-1, cut.deliver(event(5, ORDERS)));
        assertEquals(1, cut.deliver(event(6, ORDERS)));

        assertEquals(List.of(5L, 6L), alice.receivedIds());
    }

    @Test
    void aDuplicateIsDroppedEvenWhenItCarriesOtherKeys() {
        registry.subscribe(alice, ORDERS);
        registry.subscribe(bob, PRODUCTS);

        cut.deliver(event(5, ORDERS));
        assertEquals(-1, cut.deliver(event(5, PRODUCTS)));

        assertEquals(List.of(), bob.receivedIds());
    }

    @Test
    void anEventSeenWithoutSubscribersIsStillADuplicateLater() {
        assertEquals(0, cut.deliver(event(9, ORDERS)));
        registry.subscribe(alice, ORDERS);

        assertEquals(-1, cut.deliver(event(9, ORDERS)));
        assertEquals(List.of(), alice.receivedIds());
    }

    @Test
    void ephemeralEventsAreNeverDeduplicated() {
        registry.subscribe(alice, ORDERS);

        assertEquals(1, cut.deliver(event(0, ORDERS)));
        assertEquals(1, cut.deliver(event(0, ORDERS)));
        assertEquals(1, cut.deliver(event(0, ORDERS)));

        assertEquals(List.of(0L, 0L, 0L), alice.receivedIds());
    }

    @Test
    void theDedupeWindowBoundsTheMemory() {
        cut.dedupeWindow = 2;
        cut.init();
        registry.subscribe(alice, ORDERS);

        cut.deliver(event(1, ORDERS));
        cut.deliver(event(2, ORDERS));
        cut.deliver(event(3, ORDERS));

        assertEquals(-1, cut.deliver(event(3, ORDERS)));
        assertEquals(1, cut.deliver(event(1, ORDERS)), "id 1 fell out of a window of 2");
        assertEquals(List.of(1L, 2L, 3L, 1L), alice.receivedIds());
    }

    @Test
    void aSubscriberThatThrowsDoesNotStopDeliveryToOthers() {
        Subscriber broken = new Subscriber() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public void deliver(Delivery delivery) {
                throw new IllegalStateException("socket gone");
            }

            @Override
            public void close(int code, String reason) {
            }
        };
        registry.subscribe(alice, ORDERS);
        registry.subscribe(broken, ORDERS);
        registry.subscribe(bob, ORDERS);

        Logger log = Logger.getLogger(Fanout.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF); // the expected warning's stack trace would only clutter the build output
        try {
            assertEquals(3, cut.deliver(event(4, ORDERS)));
        } finally {
            log.setLevel(level);
        }

        assertEquals(List.of(4L), alice.receivedIds());
        assertEquals(List.of(4L), bob.receivedIds());
    }
}
