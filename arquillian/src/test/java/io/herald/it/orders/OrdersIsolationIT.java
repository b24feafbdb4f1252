package io.herald.it.orders;

import static io.herald.it.orders.OrdersClient.changeStatus;
import static io.herald.it.orders.OrdersClient.changed;
import static io.herald.it.orders.OrdersClient.connected;
import static io.herald.it.orders.OrdersClient.createOrder;
import static io.herald.it.orders.OrdersClient.created;
import static io.herald.it.orders.OrdersClient.error;
import static io.herald.it.orders.OrdersClient.newOrganization;
import static io.herald.it.orders.OrdersClient.signedIn;
import static io.herald.it.orders.OrdersClient.subscribe;
import static io.herald.it.orders.OrdersClient.subscribeOrder;
import static io.herald.it.orders.OrdersClient.subscribeOrganization;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Strict organization isolation across two nodes: two organizations, both scopes, subscribers on
 * node A and node B, changes made through either node. Every socket receives exactly its own
 * organization's events in order; events of the other organization, published in between, would
 * show up as an unexpected next message.
 */
@ExtendWith(Cluster.class)
class OrdersIsolationIT {

    final HeraldNode a = Cluster.get().nodeA();
    final HeraldNode b = Cluster.get().nodeB();

    private static void expect(JsonObject event, List<WsClient> sockets) {
        for (WsClient ws : sockets) {
            assertEquals(event, ws.next());
        }
    }

    @Test
    void twoOrganizationsBothScopesTwoNodes() {
        OrdersClient.Organization x = newOrganization(a);
        OrdersClient.Organization y = newOrganization(b);
        try (WsClient xOrgOnA = signedIn(a, x); WsClient xOrgOnB = signedIn(b, x);
             WsClient yOrgOnA = signedIn(a, y); WsClient yOrgOnB = signedIn(b, y);
             WsClient xOrderOnB = connected(b, x.apiKey()); WsClient yOrderOnA = connected(a, y.apiKey())) {
            for (WsClient ws : List.of(xOrgOnA, xOrgOnB, yOrgOnA, yOrgOnB)) {
                subscribeOrganization(ws);
            }
            List<WsClient> xOrg = List.of(xOrgOnA, xOrgOnB);
            List<WsClient> yOrg = List.of(yOrgOnA, yOrgOnB);

            JsonObject x1 = createOrder(a, x.apiKey(), "x1");
            expect(created(x1), xOrg);
            JsonObject y1 = createOrder(b, y.apiKey(), "y1");
            expect(created(y1), yOrg);
            String x1Id = x1.getString("id");
            String y1Id = y1.getString("id");

            subscribe(xOrderOnB, x1Id);
            subscribe(yOrderOnA, y1Id);
            xOrderOnB.send(subscribeOrder(y1Id));
            assertEquals(error("access denied"), xOrderOnB.next());
            yOrderOnA.send(subscribeOrder(x1Id));
            assertEquals(error("access denied"), yOrderOnA.next());

            JsonObject x1Processing = changeStatus(b, x.apiKey(), x1Id, "processing");
            expect(changed(x1Processing, "pending"), List.of(xOrgOnA, xOrgOnB, xOrderOnB));
            JsonObject y1Processing = changeStatus(a, y.apiKey(), y1Id, "processing");
            expect(changed(y1Processing, "pending"), List.of(yOrgOnA, yOrgOnB, yOrderOnA));

            // a second order of x: the organization scope only
            JsonObject x2 = createOrder(b, x.apiKey(), "x2");
            expect(created(x2), xOrg);
            JsonObject y1Shipped = changeStatus(b, y.apiKey(), y1Id, "shipped");
            expect(changed(y1Shipped, "processing"), List.of(yOrgOnA, yOrgOnB, yOrderOnA));
            JsonObject x2Cancelled = changeStatus(a, x.apiKey(), x2.getString("id"), "cancelled");
            expect(changed(x2Cancelled, "pending"), xOrg);
            JsonObject x1Shipped = changeStatus(a, x.apiKey(), x1Id, "shipped");
            expect(changed(x1Shipped, "processing"), List.of(xOrgOnA, xOrgOnB, xOrderOnB));
            JsonObject y1Delivered = changeStatus(a, y.apiKey(), y1Id, "delivered");
            expect(changed(y1Delivered, "shipped"), List.of(yOrgOnA, yOrgOnB, yOrderOnA));
            JsonObject x1Delivered = changeStatus(b, x.apiKey(), x1Id, "delivered");
            expect(changed(x1Delivered, "shipped"), List.of(xOrgOnA, xOrgOnB, xOrderOnB));

            // the demo organizations' traffic reaches none of them either
            JsonObject acme = createOrder(a, OrdersClient.ACME_KEY, "acme");
            JsonObject y3 = createOrder(a, y.apiKey(), "y3");
            expect(created(y3), yOrg);
            JsonObject x3 = createOrder(b, x.apiKey(), "x3");
            expect(created(x3), xOrg);
            changeStatus(b, OrdersClient.ACME_KEY, acme.getString("id"), "processing");
            JsonObject y1Again = createOrder(b, y.apiKey(), "y4");
            expect(created(y1Again), yOrg);
        }
    }
}
