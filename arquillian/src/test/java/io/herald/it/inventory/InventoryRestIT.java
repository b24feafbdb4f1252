package io.herald.it.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.HttpJson;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Products with expiry dates, the expiry scan and the notification REST API, with Bearer tokens. */
@ExtendWith(Cluster.class)
class InventoryRestIT {

    private static HeraldNode nodeA() {
        return Cluster.get().nodeA();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject error(String message) {
        return Json.createObjectBuilder().add("type", "error").add("message", message).build();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static JsonObject createProduct(HttpJson http, InventoryClient user, String name, LocalDate expiry) {
        HttpJson.Reply reply = http.post("/inventory/api/products",
                "{\"name\":\"" + name + "\",\"expiry_date\":\"" + expiry + "\"}", user.bearer());
        assertEquals(201, reply.status(), reply.body());
        return reply.object();
    }

    /** The next message must be an expiry notice with this text and type for this product. */
    private static void expectNotice(WsClient ws, String message, String type, String productName) {
        JsonObject n = ws.next();
        assertEquals(message, n.getString("message"), n::toString);
        assertEquals(type, n.getString("type"));
        assertEquals(productName, n.getString("productName"));
        assertEquals(5, n.size(), n::toString);
    }

    @Test
    void productsBelongToTheirOwner() {
        HttpJson http = new HttpJson(nodeA());
        InventoryClient owner = InventoryClient.freshUser();
        InventoryClient stranger = InventoryClient.freshUser();
        JsonObject product = createProduct(http, owner, "Cheddar", today().plusDays(40));
        long id = product.getJsonNumber("id").longValue();
        assertEquals(json("{\"id\":" + id + ",\"name\":\"Cheddar\",\"expiry_date\":\"" + today().plusDays(40) + "\",\"owner\":\"" + owner.userId + "\"}"), product);
        assertEquals(product, http.get("/inventory/api/products/" + id, owner.bearer()).object());
        assertEquals(Json.createArrayBuilder().add(product).build(), http.get("/inventory/api/products", owner.bearer()).json());

        HttpJson.Reply notTheirs = http.get("/inventory/api/products/" + id, stranger.bearer());
        assertEquals(404, notTheirs.status());
        assertEquals(error("Product " + id + " not found"), notTheirs.object());
        assertEquals(404, http.patch("/inventory/api/products/" + id, "{\"name\":\"Mine now\"}", stranger.bearer()).status());
        assertEquals(404, http.delete("/inventory/api/products/" + id, stranger.bearer()).status());
        assertEquals(0, http.get("/inventory/api/products", stranger.bearer()).json().asJsonArray().size());

        HttpJson.Reply renamed = http.patch("/inventory/api/products/" + id, "{\"name\":\"Aged Cheddar\"}", owner.bearer());
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Aged Cheddar", renamed.object().getString("name"));
        assertEquals(204, http.delete("/inventory/api/products/" + id, owner.bearer()).status());
        assertEquals(404, http.get("/inventory/api/products/" + id, owner.bearer()).status());
    }

    @Test
    void invalidInputAndMissingOrBadTokensAreRefusedWithJsonErrors() {
        HttpJson http = new HttpJson(nodeA());
        InventoryClient user = InventoryClient.freshUser();
        assertEquals(error("expiry_date must be a date like 2026-03-04"),
                http.post("/inventory/api/products", "{\"name\":\"X\",\"expiry_date\":\"2026-02-30\"}", user.bearer()).object());
        assertEquals(error("name is required"), http.post("/inventory/api/products", "{\"expiry_date\":\"2026-02-01\"}", user.bearer()).object());
        assertEquals(error("Unknown field: colour"),
                http.post("/inventory/api/products", "{\"name\":\"X\",\"expiry_date\":\"2026-02-01\",\"colour\":\"red\"}", user.bearer()).object());

        HttpJson.Reply anonymous = http.get("/inventory/api/products");
        assertEquals(401, anonymous.status());
        assertEquals(error("Bearer token required"), anonymous.object());
        HttpJson.Reply stranger = http.get("/inventory/api/products", Map.of("Authorization", "Bearer " + TestTokens.signedByStranger("x")));
        assertEquals(401, stranger.status());
        assertEquals(error("Invalid token signature"), stranger.object());
    }

    @Test
    void onlyAdminsCreateNotificationsOrRunTheScan() {
        HttpJson http = new HttpJson(nodeA());
        InventoryClient user = InventoryClient.freshUser();
        HttpJson.Reply create = http.post("/inventory/api/notifications", "{\"user_id\":\"someone\",\"message\":\"Hi\"}", user.bearer());
        assertEquals(403, create.status());
        assertEquals(error("Forbidden: requires role admin"), create.object());
        assertEquals(403, http.post("/inventory/api/products/expiry-scan", "", user.bearer()).status());
        HttpJson.Reply scan = http.post("/inventory/api/products/expiry-scan", "", InventoryClient.admin().bearer());
        assertEquals(200, scan.status(), scan.body());
        assertTrue(scan.object().containsKey("products_checked") && scan.object().containsKey("notifications_created"), scan.body());
        assertEquals(error("type must be one of error, info, warning"), http.post("/inventory/api/notifications",
                "{\"user_id\":\"someone\",\"message\":\"Hi\",\"type\":\"fatal\"}", InventoryClient.admin().bearer()).object());
    }

    @Test
    void aCallerListsTheirOwnNotificationsAndUnreadOnes() {
        HttpJson http = new HttpJson(nodeA());
        InventoryClient user = InventoryClient.freshUser();
        JsonObject first = InventoryClient.notify(nodeA(), user.userId, "One", "info", null);
        JsonObject second = InventoryClient.notify(nodeA(), user.userId, "Two", "warning", "Milk");
        assertEquals(user.userId, first.getString("user_id"));
        assertEquals(false, first.getBoolean("read"));
        HttpJson.Reply read = http.post("/inventory/api/notifications/" + first.getString("id") + "/read", "", user.bearer());
        assertEquals(200, read.status(), read.body());
        assertEquals(true, read.object().getBoolean("read"));
        JsonArray unread = http.get("/inventory/api/notifications?unread=true", user.bearer()).json().asJsonArray();
        assertEquals(Json.createArrayBuilder().add(second).build(), unread);
        assertEquals(2, http.get("/inventory/api/notifications", user.bearer()).json().asJsonArray().size());
        assertEquals(404, http.post("/inventory/api/notifications/" + first.getString("id") + "/read", "", InventoryClient.freshUser().bearer()).status());
    }

    @Test
    void theExpiryScanWarnsOwnersOncePerProductAndDayCount() {
        HttpJson http = new HttpJson(nodeA());
        InventoryClient user = InventoryClient.freshUser();
        try (WsClient ws = user.connect(Cluster.get().nodeB())) {
            createProduct(http, user, "Organic Milk", today().plusDays(2));
            expectNotice(ws, "Product expires in 2 days", "warning", "Organic Milk");
            createProduct(http, user, "Yogurt", today().plusDays(1));
            expectNotice(ws, "Product expires in 1 day", "warning", "Yogurt");
            createProduct(http, user, "Cream", today());
            expectNotice(ws, "Product expires today", "warning", "Cream");
            createProduct(http, user, "Bread", today().minusDays(3));
            expectNotice(ws, "Product expired on " + today().minusDays(3), "error", "Bread");
            createProduct(http, user, "Rice", today().plusDays(30));

            // scanning again (on both nodes) creates no duplicates: the next message is the marker
            for (HeraldNode node : new HeraldNode[] {nodeA(), Cluster.get().nodeB()}) {
                assertEquals(200, new HttpJson(node).post("/inventory/api/products/expiry-scan", "", InventoryClient.admin().bearer()).status());
            }
            JsonObject marker = InventoryClient.notify(nodeA(), user.userId, "marker", "info", null);
            assertEquals(InventoryClient.documented(marker), ws.next());

            // a new expiry date is a new notice
            JsonObject rice = http.get("/inventory/api/products", user.bearer()).json().asJsonArray().getJsonObject(4);
            assertEquals("Rice", rice.getString("name"));
            http.patch("/inventory/api/products/" + rice.get("id"), "{\"expiry_date\":\"" + today().plusDays(3) + "\"}", user.bearer());
            expectNotice(ws, "Product expires in 3 days", "warning", "Rice");
        }
    }
}
