package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.herald.orders.control.SubscriptionRules.Denied;
import io.herald.orders.control.SubscriptionRules.Granted;
import io.herald.orders.control.SubscriptionRules.Scope;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionRulesTest {

    static final OrderClient ACME = new OrderClient("ak_demo_acme", "acme", false);
    static final OrderClient ACME_SIGNED = new OrderClient("ak_demo_acme", "acme", true);
    static final OrderClient GLOBEX_SIGNED = new OrderClient("ak_demo_globex", "globex", true);

    final Map<String, String> owners = Map.of("ord_acme1", "acme", "ord_globex1", "globex", "42", "acme");
    SubscriptionRules cut = new SubscriptionRules(id -> Optional.ofNullable(owners.get(id)));

    @Test
    void nothingBeforeConnect() {
        for (SubscriptionRequest request : new SubscriptionRequest[] {new SubscriptionRequest.ForOrder("ord_acme1"),
            new SubscriptionRequest.ForOrganization(), new SubscriptionRequest.Malformed("invalid data: must be an object")}) {
            assertEquals(new Denied("not authenticated"), cut.subscribe(null, request));
            assertEquals(new Denied("not authenticated"), cut.unsubscribe(null, request));
        }
    }

    @Test
    void anOwnOrderWithOrWithoutSignature() {
        Granted granted = new Granted(Scope.ORDER, "ord_acme1", "orders:order:ord_acme1");
        assertEquals(granted, cut.subscribe(ACME, new SubscriptionRequest.ForOrder("ord_acme1")));
        assertEquals(granted, cut.subscribe(ACME_SIGNED, new SubscriptionRequest.ForOrder("ord_acme1")));
        assertEquals(new Granted(Scope.ORDER, "42", "orders:order:42"), cut.subscribe(ACME, new SubscriptionRequest.ForOrder("42")));
    }

    @Test
    void anotherOrganizationsOrderAndAMissingOneGetTheSameAnswer() {
        Object foreign = cut.subscribe(ACME_SIGNED, new SubscriptionRequest.ForOrder("ord_globex1"));
        Object missing = cut.subscribe(ACME_SIGNED, new SubscriptionRequest.ForOrder("ord_nothing"));
        assertEquals(new Denied("access denied"), foreign);
        assertEquals(foreign, missing);
        assertEquals(new Denied("access denied"), cut.subscribe(GLOBEX_SIGNED, new SubscriptionRequest.ForOrder("ord_acme1")));
    }

    @Test
    void hugeIdsAreNotLookedUp() {
        SubscriptionRules strict = new SubscriptionRules(id -> fail("looked up " + id));
        assertEquals(new Denied("access denied"), strict.subscribe(ACME, new SubscriptionRequest.ForOrder("x".repeat(65))));
    }

    @Test
    void theOrganizationScopeNeedsASignedConnect() {
        assertEquals(new Denied("organization scope requires a signed connect"), cut.subscribe(ACME, new SubscriptionRequest.ForOrganization()));
        assertEquals(new Granted(Scope.ORGANIZATION, null, "orders:org:acme"), cut.subscribe(ACME_SIGNED, new SubscriptionRequest.ForOrganization()));
        assertEquals(new Granted(Scope.ORGANIZATION, null, "orders:org:globex"), cut.subscribe(GLOBEX_SIGNED, new SubscriptionRequest.ForOrganization()));
    }

    @Test
    void malformedDataIsReportedAfterAuthentication() {
        assertEquals(new Denied("invalid data: must be an object"), cut.subscribe(ACME, new SubscriptionRequest.Malformed("invalid data: must be an object")));
        assertEquals(new Denied("invalid data: must be an object"), cut.unsubscribe(ACME, new SubscriptionRequest.Malformed("invalid data: must be an object")));
    }

    @Test
    void unsubscribingChecksNoOwnership() {
        SubscriptionRules noLookups = new SubscriptionRules(id -> fail("looked up " + id));
        assertEquals(new Granted(Scope.ORDER, "ord_globex1", "orders:order:ord_globex1"),
                noLookups.unsubscribe(ACME, new SubscriptionRequest.ForOrder("ord_globex1")));
        assertEquals(new Granted(Scope.ORGANIZATION, null, "orders:org:acme"), noLookups.unsubscribe(ACME, new SubscriptionRequest.ForOrganization()));
    }

    @Test
    void routingKeysHaveNoSpaces() {
        assertEquals("orders:order:a+b", OrdersKeys.order("a b"));
        assertEquals("orders:org:acme", OrdersKeys.organization("acme"));
        assertEquals("orders:key:ak_demo_acme", OrdersKeys.apiKey("ak_demo_acme"));
    }

    @Test
    void statusChangesGoToTheOrderAndItsOrganizationCreationsToTheOrganization() {
        assertEquals(java.util.Set.of("orders:order:ord_1", "orders:org:acme"), OrdersKeys.ofOrderEvent("order.status_changed", "ord_1", "acme"));
        assertEquals(java.util.Set.of("orders:org:acme"), OrdersKeys.ofOrderEvent("order.created", "ord_1", "acme"));
    }
}
