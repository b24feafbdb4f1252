package io.herald.it.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.it.Cluster;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two nodes on one broker and one database: a change on either node reaches subscribers on both, once. */
@ExtendWith(Cluster.class)
class CommerceTwoNodeIT {

    @Test
    void anOrderChangedOnNodeAReachesSubscribersOnBothNodesExactlyOnce() {
        CommerceClient onA = CommerceClient.loggedIn(Cluster.get().nodeA());
        CommerceClient onB = CommerceClient.loggedIn(Cluster.get().nodeB());
        try (WsClient wsB = onB.subscribed("order_changes"); WsClient wsA = onA.subscribed("order_changes")) {
            JsonObject order = onA.create("orders", "{\"total\":10.5,\"currency\":\"EUR\"}");
            long id = order.getJsonNumber("id").longValue();
            JsonObject updated = onA.update("orders", id, "{\"status\":\"processing\"}");
            for (WsClient ws : new WsClient[] {wsB, wsA}) {
                JsonObject created = ws.next();
                assertEquals("order:created", created.getString("event"));
                assertEquals(order, created.getJsonObject("data"));
                JsonObject changed = ws.next();
                assertEquals("order:updated", changed.getString("event"));
                assertEquals(updated.getString("status"), changed.getJsonObject("data").getString("status"));
            }
            // a change made on node B is the next thing both see: nothing was delivered twice in between
            JsonObject fromB = onB.update("orders", id, "{\"status\":\"shipped\"}");
            for (WsClient ws : new WsClient[] {wsA, wsB}) {
                JsonObject next = ws.next();
                assertEquals("order:updated", next.getString("event"));
                assertEquals(fromB.getString("status"), next.getJsonObject("data").getString("status"));
                assertEquals(0, ws.pending(), "no further message queued");
            }
        }
    }
}
