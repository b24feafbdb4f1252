package io.herald.it.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each filter of each channel lets through the events it names and nothing else, with the
 * subscriber on one node and the events published on the other.
 */
@ExtendWith(Cluster.class)
class PosFilterMatrixIT {

    /**
     * channel | extra params | event type | data that passes | data that does not (same location).
     * {@code L} stands for the test's location.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "orders|'types':['takeout']|order.created|'order_type':'takeout'|'order_type':'dine_in'",
        "orders|'statuses':['ready']|order.status_changed|'status':'ready'|'status':'preparing'",
        "orders|'events':['order.closed']|order.closed||",
        "kds|'station':'grill'|kds.ticket.created|'station':'grill'|'station':'fry'",
        "inventory|'alert_types':['out_of_stock']|inventory.out_of_stock|'alert_type':'out_of_stock'|'alert_type':'low_stock'",
        "analytics|'metrics':['avg_ticket']|analytics.metric_update|'metric':'avg_ticket'|'metric':'revenue'",
        "delivery|'platforms':['ubereats']|delivery.order_received|'platform':'ubereats'|'platform':'grubhub'",
        "voice|'lane':2|voice.session_started|'lane':2|'lane':1",
        "tables||table.seated|'number':'1'|",
    })
    void eachFilterLetsThroughWhatItNamesOnly(String channel, String extra, String type, String passes, String fails) {
        String loc = "loc-m" + System.nanoTime();
        String params = "'location_id':'" + loc + "'" + (extra == null ? "" : "," + extra);
        try (WsClient ws = PosSocketIT.connect(Cluster.get().nodeB(), TestTokens.token("matrix", "admin"))) {
            JsonObject sub = PosSocketIT.request(ws, "{'type':'subscribe','channel':'" + channel + "','params':{" + params + "}}");
            assertTrue(sub.getBoolean("success"), sub::toString);
            String key = "pos:" + channel + ":loc:" + loc;
            String base = "'location_id':'" + loc + "'";
            List<Integer> expected = new ArrayList<>();
            if (fails != null) {
                PosSocketIT.publish(Cluster.get().nodeA(), type, key, "{" + base + "," + fails + ",'n':1}");
            }
            if (channel.equals("orders") && extra.contains("events")) {
                PosSocketIT.publish(Cluster.get().nodeA(), "order.paid", key, "{" + base + ",'n':2}");
            }
            PosSocketIT.publish(Cluster.get().nodeA(), type, "pos:" + channel + ":loc:other-" + loc, "{'location_id':'other-" + loc + "','n':3}");
            PosSocketIT.publish(Cluster.get().nodeA(), type, key, "{" + base + (passes == null ? "" : "," + passes) + ",'n':4}");
            expected.add(4);

            List<Integer> received = new ArrayList<>();
            Optional<JsonObject> m;
            while ((m = ws.poll(Duration.ofMillis(received.isEmpty() ? 10_000 : 800))).isPresent()) {
                assertEquals(type, m.get().getString("event"));
                received.add(m.get().getJsonObject("data").getInt("n"));
            }
            assertEquals(expected, received);
        }
    }

    @Test
    void theSocketClosesWhenTheTokenExpires() {
        String shortLived = TestTokens.token("brief", Duration.ofSeconds(2), "orders.read");
        try (WsClient ws = PosSocketIT.connect(Cluster.get().nodeA(), shortLived)) {
            assertEquals(new WsClient.Close(1008, "Token expired"), ws.awaitClose());
        }
    }
}
