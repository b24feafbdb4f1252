package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Normal traffic writes nothing to the log: an operator reads start, configuration, warnings and errors. */
@ExtendWith(Cluster.class)
class LogVolumeIT {

    @Test
    void twoHundredEventsAddAlmostNothingToTheLog() throws Exception {
        HeraldNode node = Cluster.get().nodeA();
        HttpJson http = new HttpJson(node);
        assertEquals(200, http.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        HttpJson.Reply order = http.post("/commerce/api/orders", "{\"total\":10.00}");
        assertEquals(201, order.status(), order.body());
        long id = order.object().getJsonNumber("id").longValue();
        Map<String, String> admin = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));
        long before = node.logText().length();

        for (int i = 0; i < 100; i++) {
            assertEquals(200, http.patch("/commerce/api/orders/" + id, "{\"total\":" + (11 + i) + ".00}").status());
            assertEquals(202, http.post("/api/events", "{\"product\":\"commerce\",\"type\":\"order:updated\","
                    + "\"routing_keys\":[\"commerce:order_changes\"],\"data\":{\"i\":" + i + "}}", admin).status());
        }

        long grown = node.logText().length() - before;
        assertTrue(grown < 2_000, "200 events wrote " + grown + " bytes to the log");
    }
}
