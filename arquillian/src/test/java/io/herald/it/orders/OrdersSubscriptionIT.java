package io.herald.it.orders;

import static io.herald.it.orders.OrdersClient.ACME_KEY;
import static io.herald.it.orders.OrdersClient.GLOBEX_KEY;
import static io.herald.it.orders.OrdersClient.SUBSCRIBE_ORGANIZATION;
import static io.herald.it.orders.OrdersClient.UNSUBSCRIBE_ORGANIZATION;
import static io.herald.it.orders.OrdersClient.changeStatus;
import static io.herald.it.orders.OrdersClient.changed;
import static io.herald.it.orders.OrdersClient.connected;
import static io.herald.it.orders.OrdersClient.createOrder;
import static io.herald.it.orders.OrdersClient.created;
import static io.herald.it.orders.OrdersClient.error;
import static io.herald.it.orders.OrdersClient.newOrganization;
import static io.herald.it.orders.OrdersClient.orderSubscription;
import static io.herald.it.orders.OrdersClient.organizationSubscription;
import static io.herald.it.orders.OrdersClient.signedIn;
import static io.herald.it.orders.OrdersClient.subscribe;
import static io.herald.it.orders.OrdersClient.subscribeOrder;
import static io.herald.it.orders.OrdersClient.subscribeOrganization;
import static io.herald.it.orders.OrdersClient.unsubscribeOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Subscriptions of document 002: who may subscribe to what, confirmations, and the events that follow. */
@ExtendWith(Cluster.class)
class OrdersSubscriptionIT {

    final HeraldNode node = Cluster.get().nodeA();

    @Test
    void anOrderSubscriptionDeliversThatOrdersStatusChanges() {
        JsonObject order = createOrder(node, ACME_KEY, "PO-" + System.nanoTime());
        String id = order.getString("id");
        try (WsClient ws = connected(node, ACME_KEY)) {
            ws.send("{\"type\":\"subscribe\",\"data\":{\"order_id\":\"" + id + "\"}}");
            assertEquals("{\"type\":\"subscription\",\"data\":{\"order_id\":\"" + id + "\",\"scope\":\"order\",\"status\":\"subscribed\"}}", ws.nextText());
            JsonObject processing = changeStatus(node, ACME_KEY, id, "processing");
            JsonObject event = ws.next();
            assertEquals(changed(processing, "pending"), event);
            String updatedAt = event.getJsonObject("data").getString("updated_at");
            assertTrue(updatedAt.matches(OrdersClient.TIMESTAMP), updatedAt);
            assertTrue(Duration.between(Instant.parse(updatedAt), Instant.now()).abs().getSeconds() < 60, updatedAt);
            JsonObject shipped = changeStatus(node, ACME_KEY, id, "shipped");
            assertEquals(changed(shipped, "processing"), ws.next());
        }
    }

    @Test
    void anotherOrganizationsOrderAndAMissingOneAreDeniedAlike() {
        String globexOrder = createOrder(node, GLOBEX_KEY, null).getString("id");
        try (WsClient ws = connected(node, ACME_KEY)) {
            ws.send(subscribeOrder(globexOrder));
            String foreign = ws.nextText();
            ws.send(subscribeOrder("ord_AAAAAAAAAAAAAAAAAAAA"));
            String missing = ws.nextText();
            assertEquals("{\"type\":\"error\",\"data\":{\"message\":\"access denied\"}}", foreign);
            assertEquals(foreign, missing, "the same answer, so ids of others cannot be probed");
            // and it really is not delivered: a later change of an own order is the next message
            String own = createOrder(node, ACME_KEY, null).getString("id");
            subscribe(ws, own);
            changeStatus(node, GLOBEX_KEY, globexOrder, "processing");
            JsonObject ownChange = changeStatus(node, ACME_KEY, own, "cancelled");
            assertEquals(changed(ownChange, "pending"), ws.next());
        }
    }

    @Test
    void theOrganizationScopeNeedsASignedConnect() {
        OrdersClient.Organization org = newOrganization(node);
        try (WsClient unsigned = connected(node, org.apiKey())) {
            unsigned.send(SUBSCRIBE_ORGANIZATION);
            assertEquals(error("organization scope requires a signed connect"), unsigned.next());
            unsigned.send("{\"type\":\"subscribe\",\"data\":{\"order_id\":\"\"}}");
            assertEquals(error("organization scope requires a signed connect"), unsigned.next());
        }
        try (WsClient signed = signedIn(node, org)) {
            signed.send(SUBSCRIBE_ORGANIZATION);
            assertEquals("{\"type\":\"subscription\",\"data\":{\"scope\":\"organization\",\"status\":\"subscribed\"}}", signed.nextText());
            JsonObject order = createOrder(Cluster.get().nodeB(), org.apiKey(), "org-wide");
            assertEquals(created(order), signed.next());
            JsonObject processing = changeStatus(node, org.apiKey(), order.getString("id"), "processing");
            assertEquals(changed(processing, "pending"), signed.next());
        }
    }

    @Test
    void bothScopesTogetherDeliverEachEventOnce() {
        OrdersClient.Organization org = newOrganization(node);
        try (WsClient ws = signedIn(node, org)) {
            subscribeOrganization(ws);
            JsonObject order = createOrder(node, org.apiKey(), null);
            String id = order.getString("id");
            assertEquals(created(order), ws.next());
            subscribe(ws, id);
            subscribe(ws, id);
            JsonObject processing = changeStatus(node, org.apiKey(), id, "processing");
            assertEquals(changed(processing, "pending"), ws.next());
            JsonObject shipped = changeStatus(node, org.apiKey(), id, "shipped");
            assertEquals(changed(shipped, "processing"), ws.next(), "no second copy of the previous event came first");
            JsonObject delivered = changeStatus(node, org.apiKey(), id, "delivered");
            assertEquals(changed(delivered, "shipped"), ws.next());
        }
    }

    @Test
    void unsubscribingFromBothScopes() {
        OrdersClient.Organization org = newOrganization(node);
        try (WsClient ws = signedIn(node, org)) {
            subscribeOrganization(ws);
            JsonObject firstOrder = createOrder(node, org.apiKey(), "first");
            assertEquals(created(firstOrder), ws.next());
            JsonObject secondOrder = createOrder(node, org.apiKey(), "second");
            assertEquals(created(secondOrder), ws.next());
            String first = firstOrder.getString("id");
            String second = secondOrder.getString("id");
            subscribe(ws, first);
            ws.send(unsubscribeOrder(first));
            assertEquals(orderSubscription(first, "unsubscribed"), ws.next());
            // still subscribed through the organization
            JsonObject processing = changeStatus(node, org.apiKey(), first, "processing");
            assertEquals(changed(processing, "pending"), ws.next());
            ws.send(UNSUBSCRIBE_ORGANIZATION);
            assertEquals("{\"type\":\"subscription\",\"data\":{\"scope\":\"organization\",\"status\":\"unsubscribed\"}}", ws.nextText());
            // idempotent
            ws.send(UNSUBSCRIBE_ORGANIZATION);
            assertEquals(organizationSubscription("unsubscribed"), ws.next());
            ws.send(unsubscribeOrder("ord_never_subscribed"));
            assertEquals(orderSubscription("ord_never_subscribed", "unsubscribed"), ws.next());
            // nothing for the first order any more; the second order's change is the next message
            subscribe(ws, second);
            changeStatus(node, org.apiKey(), first, "shipped");
            createOrder(node, org.apiKey(), "unseen");
            JsonObject cancelled = changeStatus(node, org.apiKey(), second, "cancelled");
            assertEquals(changed(cancelled, "pending"), ws.next());
        }
    }

    @Test
    void aStatusSetAgainPublishesNothing() {
        JsonObject order = createOrder(node, ACME_KEY, null);
        String id = order.getString("id");
        try (WsClient ws = connected(node, ACME_KEY)) {
            subscribe(ws, id);
            JsonObject same = changeStatus(node, ACME_KEY, id, "pending");
            assertEquals(order, same, "unchanged, updated_at included");
            JsonObject processing = changeStatus(node, ACME_KEY, id, "processing");
            assertEquals(changed(processing, "pending"), ws.next());
        }
    }
}
