package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example shop (examples/shop: a plain WAR with its own entity, REST endpoint and database,
 * and the herald-api jar) deployed beside Herald on the embedded default's Payara Micro, as a user
 * would with {@code --deploy}: its committed order changes and CDI events reach a commerce client
 * subscribed to {@code order_changes} / {@code shipment_changes}; its rolled-back ones nothing.
 */
@LongRun
public class PublishFromApplicationIT {

    static String shopWar() {
        Path war = Path.of(System.getProperty("herald.shop.war", "../examples/shop/target/shop.war")).toAbsolutePath();
        assertTrue(Files.isRegularFile(war), "the example shop is not built: " + war);
        return war.toString();
    }

    public static WsClient commerceSubscriber(Gateway node) {
        HttpJson login = new HttpJson(node);
        assertEquals(200, login.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
        WsClient ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", login.cookieHeader()));
        ws.expectType("connected");
        for (String channel : new String[] {"order_changes", "shipment_changes"}) {
            ws.send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
            ws.expectType("subscribed");
        }
        return ws;
    }

    static long createOrder(HeraldNode node, String total) {
        HttpJson.Reply created = new HttpJson(node).post("/shop/api/orders", "{\"customer_id\":45,\"total\":" + total + ",\"currency\":\"USD\"}");
        assertEquals(201, created.status(), created.body());
        return created.object().getJsonNumber("id").longValue();
    }

    static HttpJson.Reply post(HeraldNode node, String path) {
        return new HttpJson(node).post(path, "");
    }

    @Test
    void committedChangesOfTheShopReachCommerceClientsAndRolledBackOnesNothing() throws Exception {
        try (HeraldNode node = HeraldNode.start("embedded-shop", Map.of("HERALD_DEPLOY", shopWar()));
                WsClient ws = commerceSubscriber(node)) {
            long first = createOrder(node, "99.99");
            JsonObject created = ws.next();
            assertEquals("order:created", created.getString("event"));
            JsonObject data = created.getJsonObject("data");
            assertEquals(first, data.getJsonNumber("id").longValue());
            assertTrue(data.getString("order_number").startsWith("SHOP-"));
            assertEquals("pending", data.getString("status"));
            assertEquals("unpaid", data.getString("payment_status"));
            assertEquals(0, new BigDecimal("99.99").compareTo(data.getJsonNumber("total").bigDecimalValue()));
            assertEquals(45, data.getInt("customer_id"));
            assertEquals("USD", data.getString("currency"));
            assertTrue(created.containsKey("timestamp"));

            // refused before anything was written: 409, nothing published
            assertEquals(409, post(node, "/shop/api/orders/" + first + "/ship").status());
            assertEquals(200, post(node, "/shop/api/orders/" + first + "/pay").status());
            JsonObject paid = ws.next();
            assertEquals("order:updated", paid.getString("event"));
            assertEquals(Set.of("status", "payment_status"), paid.getJsonObject("data").getJsonObject("changed_fields").keySet());
            assertEquals("paid", paid.getJsonObject("data").getJsonObject("changed_fields").getString("payment_status"));
            assertEquals("processing", paid.getJsonObject("data").getString("status"));

            // written and announced inside the transaction, then rolled back by the carrier: nothing
            long expensive = createOrder(node, "20000");
            assertEquals(expensive, ws.expectEvent("order:created").getJsonObject("data").getJsonNumber("id").longValue());
            assertEquals(200, post(node, "/shop/api/orders/" + expensive + "/pay").status());
            assertEquals("order:updated", ws.next().getString("event"));
            HttpJson.Reply refused = post(node, "/shop/api/orders/" + expensive + "/ship");
            assertEquals(409, refused.status(), refused.body());
            assertEquals("paid", new HttpJson(node).get("/shop/api/orders/" + expensive).object().getString("payment_status"));
            assertEquals("processing", new HttpJson(node).get("/shop/api/orders/" + expensive).object().getString("status"), "rolled back");

            // the next thing the client hears is the next committed change
            assertEquals(200, post(node, "/shop/api/orders/" + first + "/ship").status());
            Map<String, JsonObject> shipped = Stream.of(ws.next(), ws.next()).collect(Collectors.toMap(m -> m.getString("event"), m -> m));
            assertEquals(Set.of("order:updated", "shipment:created"), shipped.keySet());
            assertEquals(first, shipped.get("order:updated").getJsonObject("data").getJsonNumber("id").longValue());
            assertEquals("shipped", shipped.get("order:updated").getJsonObject("data").getJsonObject("changed_fields").getString("status"));
            assertEquals(first, shipped.get("shipment:created").getJsonObject("data").getJsonNumber("order_id").longValue());
            assertTrue(ws.poll(java.time.Duration.ofMillis(500)).isEmpty(), "the rolled-back shipment never arrives");
        }
    }

    @Test
    void anApplicationWithoutHeraldsConnectionFactoryFailsToDeployAndSaysWhy() throws Exception {
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> HeraldNode.start("embedded-shop-no-factory",
                Map.of("HERALD_DEPLOY", shopWar(), "HERALD_API_CONNECTION_FACTORY", "jms/not/there")));
        assertTrue(failed.getMessage().contains("exited with 1 before it was ready"), failed.getMessage());
        String log = Files.readString(Path.of(System.getProperty("herald.it.logs", "target/it-logs"), "embedded-shop-no-factory.log"));
        assertTrue(log.contains("Herald API: no JMS connection factory at 'jms/not/there'"), "the log says why");
        assertTrue(log.contains("Herald failed to start: java.lang.IllegalStateException: the application " + shopWar() + " did not deploy"), "and what");
    }
}
