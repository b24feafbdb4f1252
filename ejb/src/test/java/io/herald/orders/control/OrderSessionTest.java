package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OrderSessionTest {

    final Authenticator authenticator = new Authenticator(
            k -> Optional.ofNullable(Map.of("ak_demo_acme", new Authenticator.ActiveKey("ak_demo_acme", "acme", () -> Optional.of("sk_demo_acme"))).get(k)),
            Clock.systemUTC(), SignatureWindow.defaults(), (apiKey, signature, keepUntil) -> USED.add(signature));
    final OrderSession cut = new OrderSession(authenticator::authenticate,
            new SubscriptionRules(id -> Optional.ofNullable(Map.of("ord_1", "acme", "ord_2", "globex").get(id))));

    static final Set<String> USED = ConcurrentHashMap.newKeySet();
    static final AtomicLong SIGNED = new AtomicLong();

    /** A fresh signature: each is accepted once, so each gets a timestamp of its own (a second further back). */
    static String signature() {
        return RequestSignature.header("ak_demo_acme", "sk_demo_acme", Instant.now().getEpochSecond() - SIGNED.getAndIncrement());
    }

    @Test
    void subscribingBeforeConnectIsNotAuthenticated() {
        assertEquals(new SubscriptionRules.Denied("not authenticated"), cut.subscribe(new SubscriptionRequest.ForOrder("ord_1")));
        assertEquals(new SubscriptionRules.Denied("not authenticated"), cut.unsubscribe(new SubscriptionRequest.ForOrganization()));
        assertFalse(cut.isAuthenticated());
    }

    @Test
    void aFailedConnectLeavesTheSessionUnauthenticated() {
        assertEquals(new OrderSession.Refused("invalid api_key"), cut.connect(new ConnectRequest("ak_nope", null)));
        assertEquals(new OrderSession.Refused("missing api_key"), cut.connect(new ConnectRequest(null, null)));
        assertEquals(new SubscriptionRules.Denied("not authenticated"), cut.subscribe(new SubscriptionRequest.ForOrder("ord_1")));
        assertEquals(Optional.empty(), cut.client());
    }

    @Test
    void anUnsignedConnectAllowsOwnOrdersOnly() {
        assertEquals(new OrderSession.Connected(new OrderClient("ak_demo_acme", "acme", false)), cut.connect(new ConnectRequest("ak_demo_acme", null)));
        assertEquals(new SubscriptionRules.Granted(SubscriptionRules.Scope.ORDER, "ord_1", "orders:order:ord_1"), cut.subscribe(new SubscriptionRequest.ForOrder("ord_1")));
        assertEquals(new SubscriptionRules.Denied("access denied"), cut.subscribe(new SubscriptionRequest.ForOrder("ord_2")));
        assertEquals(new SubscriptionRules.Denied("organization scope requires a signed connect"), cut.subscribe(new SubscriptionRequest.ForOrganization()));
    }

    @Test
    void aSignedConnectAllowsTheOrganizationScope() {
        assertEquals(new OrderSession.Connected(new OrderClient("ak_demo_acme", "acme", true)), cut.connect(new ConnectRequest("ak_demo_acme", signature())));
        assertEquals(new SubscriptionRules.Granted(SubscriptionRules.Scope.ORGANIZATION, null, "orders:org:acme"),
                cut.subscribe(new SubscriptionRequest.ForOrganization()));
    }

    @Test
    void aSecondConnectIsRefusedAndChangesNothing() {
        cut.connect(new ConnectRequest("ak_demo_acme", null));
        assertEquals(new OrderSession.Refused("already authenticated"), cut.connect(new ConnectRequest("ak_demo_acme", signature())));
        assertEquals(Optional.of(new OrderClient("ak_demo_acme", "acme", false)), cut.client(), "still unsigned");
        for (int i = 0; i < 10; i++) {
            assertEquals(new OrderSession.Refused("already authenticated"), cut.connect(new ConnectRequest("ak_nope", null)));
        }
        assertTrue(cut.isAuthenticated());
    }

    @Test
    void theFifthFailedConnectEndsTheConnection() {
        for (int i = 1; i < OrderSession.MAX_FAILED_CONNECTS; i++) {
            assertEquals(new OrderSession.Refused("invalid api_key"), cut.connect(new ConnectRequest("ak_guess_" + i, null)), "attempt " + i);
        }
        assertEquals(new OrderSession.TooManyFailures(), cut.connect(new ConnectRequest("ak_demo_acme", "APIKey=ak_demo_acme,signature=00,timestamp=1")));
        assertFalse(cut.isAuthenticated());
    }

    @Test
    void fourFailuresThenSuccessIsFine() {
        for (int i = 1; i < OrderSession.MAX_FAILED_CONNECTS; i++) {
            cut.connect(new ConnectRequest("ak_demo_acme", "bad"));
        }
        assertEquals(new OrderSession.Connected(new OrderClient("ak_demo_acme", "acme", false)), cut.connect(new ConnectRequest("ak_demo_acme", null)));
    }
}
