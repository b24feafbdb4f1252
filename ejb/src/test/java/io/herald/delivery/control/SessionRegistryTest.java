package io.herald.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

    private final SessionRegistry cut = new SessionRegistry();
    private final RecordingSubscriber alice = new RecordingSubscriber("alice");
    private final RecordingSubscriber bob = new RecordingSubscriber("bob");

    @Test
    void subscribingTwiceIsOneSubscription() {
        assertTrue(cut.subscribe(alice, "commerce:order_changes"));
        assertFalse(cut.subscribe(alice, "commerce:order_changes"));

        assertEquals(List.of(alice), List.copyOf(cut.match(List.of("commerce:order_changes"))));
        assertEquals(1, cut.size());

        // one unsubscribe is enough to end it
        assertTrue(cut.unsubscribe(alice, "commerce:order_changes"));
        assertEquals(Set.of(), cut.match(List.of("commerce:order_changes")));
    }

    @Test
    void aSubscriberMatchingSeveralKeysIsReturnedOnce() {
        cut.subscribe(alice, "commerce:order_changes");
        cut.subscribe(alice, "commerce:shipment_changes");
        cut.subscribe(bob, "commerce:shipment_changes");

        Set<Subscriber> matched = cut.match(List.of("commerce:order_changes", "commerce:shipment_changes"));

        assertEquals(2, matched.size());
        assertEquals(Set.of(alice, bob), matched);
    }

    @Test
    void matchesOnlySubscribersOfTheGivenKeys() {
        cut.subscribe(alice, "commerce:order_changes");
        cut.subscribe(bob, "commerce:product_changes");

        assertEquals(Set.of(alice), cut.match(List.of("commerce:order_changes")));
        assertEquals(Set.of(bob), cut.match(List.of("commerce:product_changes")));
    }

    @Test
    void unknownKeysMatchNothing() {
        cut.subscribe(alice, "commerce:order_changes");

        assertEquals(Set.of(), cut.match(List.of("commerce:customer_changes", "inventory:order_changes")));
        assertEquals(Set.of(), cut.match(List.of()));
    }

    @Test
    void unsubscribeEndsOnlyThatSubscription() {
        cut.subscribe(alice, "commerce:order_changes");
        cut.subscribe(alice, "commerce:product_changes");
        cut.subscribe(bob, "commerce:order_changes");

        assertTrue(cut.unsubscribe(alice, "commerce:order_changes"));

        assertFalse(cut.isSubscribed(alice, "commerce:order_changes"));
        assertTrue(cut.isSubscribed(alice, "commerce:product_changes"));
        assertEquals(Set.of(bob), cut.match(List.of("commerce:order_changes")));
        assertEquals(Set.of(alice), cut.match(List.of("commerce:product_changes")));
        // still connected, just without that key
        assertEquals(2, cut.size());
    }

    @Test
    void unsubscribeFromAKeyNeverSubscribedReportsFalse() {
        cut.register(alice);
        assertFalse(cut.unsubscribe(alice, "commerce:order_changes"));
        assertFalse(cut.unsubscribe(bob, "commerce:order_changes"));
        assertEquals(1, cut.size());
    }

    @Test
    void removeDropsAllKeysOfTheSubscriber() {
        cut.subscribe(alice, "commerce:order_changes");
        cut.subscribe(alice, "commerce:product_changes");
        cut.subscribe(bob, "commerce:product_changes");

        cut.remove(alice);

        assertEquals(Set.of(), cut.match(List.of("commerce:order_changes")));
        assertEquals(Set.of(bob), cut.match(List.of("commerce:order_changes", "commerce:product_changes")));
        assertFalse(cut.isSubscribed(alice, "commerce:product_changes"));
        assertEquals(1, cut.size());
    }

    @Test
    void registerCountsASubscriberWithoutSubscriptionsAndRemoveForgetsIt() {
        cut.register(alice);
        cut.register(alice);
        cut.register(bob);
        assertEquals(2, cut.size());
        assertFalse(cut.isSubscribed(alice, "commerce:order_changes"));

        cut.remove(alice);
        cut.remove(alice);
        assertEquals(1, cut.size());
        cut.remove(bob);
        assertEquals(0, cut.size());
    }

    @Test
    void registeringAgainKeepsExistingSubscriptions() {
        cut.subscribe(alice, "commerce:order_changes");
        cut.register(alice);

        assertTrue(cut.isSubscribed(alice, "commerce:order_changes"));
        assertEquals(Set.of(alice), cut.match(List.of("commerce:order_changes")));
    }

    @Test
    void aRemovedSubscriberCanSubscribeAfresh() {
        cut.subscribe(alice, "commerce:order_changes");
        cut.remove(alice);

        assertTrue(cut.subscribe(alice, "commerce:order_changes"));
        assertEquals(Set.of(alice), cut.match(List.of("commerce:order_changes")));
        assertEquals(1, cut.size());
    }

    @Test
    void everySubscriberGoneLeavesAnEmptyRegistry() {
        cut.subscribe(alice, "commerce:order_changes");
        cut.subscribe(bob, "commerce:order_changes");
        cut.unsubscribe(alice, "commerce:order_changes");
        cut.remove(alice);
        cut.remove(bob);

        assertEquals(0, cut.size());
        assertEquals(Set.of(), cut.match(List.of("commerce:order_changes")));
    }
}
