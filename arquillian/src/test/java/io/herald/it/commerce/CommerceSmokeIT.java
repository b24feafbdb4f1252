package io.herald.it.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.it.Cluster;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Cluster.class)
class CommerceSmokeIT {

    @Test
    void anOrderChangedOnOneNodeReachesASubscriberOnTheOther() {
        CommerceClient onA = CommerceClient.loggedIn(Cluster.get().nodeA());
        CommerceClient onB = CommerceClient.loggedIn(Cluster.get().nodeB());
        try (WsClient ws = onB.subscribed("order_changes")) {
            JsonObject order = onA.create("orders", "{\"total\":10.5,\"currency\":\"EUR\"}");
            JsonObject event = ws.next();
            assertEquals("order:created", event.getString("event"));
            assertEquals(order, event.getJsonObject("data"));
        }
    }
}
