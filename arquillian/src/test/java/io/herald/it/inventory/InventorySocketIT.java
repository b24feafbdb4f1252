package io.herald.it.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.TestTokens;
import io.herald.it.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Document 001's socket as a client sees it: token checks, confirmation, inbox, live notifications on every node, mark_read. */
@ExtendWith(Cluster.class)
class InventorySocketIT {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static HeraldNode nodeA() {
        return Cluster.get().nodeA();
    }

    private static HeraldNode nodeB() {
        return Cluster.get().nodeB();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static WsClient.Close closeOf(String query) {
        try (WsClient ws = WsClient.connect(nodeA().ws("/inventory/api/ws/notification" + query))) {
            return ws.awaitClose();
        }
    }

    @Test
    void withoutATokenTheSocketIsClosedWith1008AccessTokenRequired() {
        assertEquals(new WsClient.Close(1008, "Access token required"), closeOf(""));
        assertEquals(new WsClient.Close(1008, "Access token required"), closeOf("?access_token="));
    }

    @Test
    void refusedTokensCloseWith1008AndTheReason() {
        assertEquals(new WsClient.Close(1008, "Invalid access token"), closeOf("?access_token=not-a-jwt"));
        assertEquals(new WsClient.Close(1008, "Invalid token signature"), closeOf("?access_token=" + TestTokens.signedByStranger("mallory")));
        assertEquals(new WsClient.Close(1008, "Invalid token issuer"), closeOf("?access_token=" + TestTokens.fromOtherIssuer("mallory")));
        assertEquals(new WsClient.Close(1008, "Token expired"), closeOf("?access_token=" + TestTokens.token("late", Duration.ofMinutes(-1))));
        String noSubject = TestTokens.withClaims(Json.createObjectBuilder(TestTokens.claims("x", TestTokens.ISSUER, Duration.ofHours(1)).build())
                .remove("sub").build());
        assertEquals(new WsClient.Close(1008, "Token has no subject (sub)"), closeOf("?access_token=" + noSubject));
    }

    @Test
    void theDemoKeyIsNotTrustedWhenAKeyIsConfigured() {
        assertEquals(new WsClient.Close(1008, "Invalid token signature"), closeOf("?access_token=" + HeraldNode.demoToken("alice")));
    }

    @Test
    void aNotificationCreatedThroughOneNodeReachesEveryConnectionOfItsUserOnBothNodes() {
        InventoryClient user = InventoryClient.freshUser();
        InventoryClient other = InventoryClient.freshUser();
        try (WsClient onA = user.connect(nodeA()); WsClient onB = user.connect(nodeB()); WsClient otherOnB = other.connect(nodeB())) {
            JsonObject created = InventoryClient.notify(nodeA(), user.userId, "Product expires in 2 days", "warning", "Organic Milk");
            JsonObject expected = InventoryClient.documented(created);
            assertEquals(expected, onA.next());
            assertEquals(expected, onB.next());
            assertTrue(expected.getString("created_at").matches(TIMESTAMP), expected.toString());
            assertTrue(Duration.between(Instant.parse(expected.getString("created_at")), Instant.now()).abs().getSeconds() < 60);
            assertEquals(json("{\"id\":" + created.get("id") + ",\"message\":\"Product expires in 2 days\",\"type\":\"warning\","
                    + "\"productName\":\"Organic Milk\",\"created_at\":" + created.get("created_at") + "}"), expected);
            String live = onA.lastEventId();
            assertTrue(live != null && live.matches("[0-9a-f]+\\.[0-9]+([rh][0-9]+)*"), live);
            // sent again, unread, on a new connection: the same event id (its plain <epoch>.<id> form)
            try (WsClient later = user.connect(nodeB())) {
                assertEquals(expected, later.next());
                assertEquals(live.split("[rh]")[0], later.lastEventId(), "the unread notification names the event of its live one");
            }

            // the other user hears nothing: their next message is their own notification
            JsonObject own = InventoryClient.notify(nodeB(), other.userId, "Yours", "info", null);
            assertEquals(InventoryClient.documented(own), otherOnB.next());
        }
    }

    @Test
    void unreadNotificationsFollowTheConfirmationOldestFirstUntilMarkedRead() {
        InventoryClient user = InventoryClient.freshUser();
        JsonObject first = InventoryClient.notify(nodeA(), user.userId, "First", "info", "Milk");
        JsonObject second = InventoryClient.notify(nodeA(), user.userId, "Second", "error", "Bread");
        try (WsClient ws = user.connect(nodeB())) {
            assertEquals(InventoryClient.documented(first), ws.next());
            assertEquals(InventoryClient.documented(second), ws.next());
            ws.send("{\"action\":\"mark_read\",\"id\":" + first.get("id") + "}");
            // marking again changes nothing and answers nothing: the next message is the pong
            ws.send("{\"action\":\"mark_read\",\"id\":" + first.get("id") + "}");
            ws.send("PING");
            assertEquals(json("{\"type\":\"pong\"}"), ws.next());
        }
        try (WsClient again = user.connect(nodeA())) {
            assertEquals(InventoryClient.documented(second), again.next());
            again.send("PING");
            assertEquals(json("{\"type\":\"pong\"}"), again.next(), "the read notification is not sent again");
        }
    }

    @Test
    void markingAnUnknownOrSomeoneElsesNotificationAnswersAnErrorAndChangesNothing() {
        InventoryClient owner = InventoryClient.freshUser();
        InventoryClient intruder = InventoryClient.freshUser();
        JsonObject notification = InventoryClient.notify(nodeA(), owner.userId, "Private", "info", null);
        String id = notification.getString("id");
        try (WsClient ws = intruder.connect(nodeA())) {
            ws.send("{\"action\":\"mark_read\",\"id\":\"" + id + "\"}");
            assertEquals(json("{\"type\":\"error\",\"message\":\"Notification not found: " + id + "\"}"), ws.next());
            ws.send("{\"action\":\"mark_read\",\"id\":\"no-such-id\"}");
            assertEquals(json("{\"type\":\"error\",\"message\":\"Notification not found: no-such-id\"}"), ws.next());
        }
        try (WsClient ws = owner.connect(nodeB())) {
            assertEquals(InventoryClient.documented(notification), ws.next(), "still unread for its owner");
        }
    }

    @Test
    void badMessagesGetErrorsAndTheConnectionKeepsWorking() {
        InventoryClient user = InventoryClient.freshUser();
        try (WsClient ws = user.connect(nodeA())) {
            ws.send("PING");
            assertEquals(json("{\"type\":\"pong\"}"), ws.next());
            ws.send("{oops");
            assertEquals(json("{\"type\":\"error\",\"message\":\"Invalid JSON\"}"), ws.next());
            ws.send("[1]");
            assertEquals(json("{\"type\":\"error\",\"message\":\"Message must be a JSON object\"}"), ws.next());
            ws.send("{\"id\":\"1\"}");
            assertEquals(json("{\"type\":\"error\",\"message\":\"Missing action\"}"), ws.next());
            ws.send("{\"action\":\"delete_everything\"}");
            assertEquals(json("{\"type\":\"error\",\"message\":\"Unknown action: delete_everything\"}"), ws.next());
            ws.send("{\"action\":\"mark_read\"}");
            assertEquals(json("{\"type\":\"error\",\"message\":\"Missing notification id\"}"), ws.next());
            JsonObject live = InventoryClient.notify(nodeB(), user.userId, "Still here", "info", null);
            assertEquals(InventoryClient.documented(live), ws.next());
        }
    }

    @Test
    void aClientThatAcknowledgesEveryMessageCannotStartAnEndlessErrorLoop() {
        InventoryClient user = InventoryClient.freshUser();
        try (WsClient ws = user.connect(nodeA())) {
            ws.send("PING");
            assertEquals(json("{\"type\":\"pong\"}"), ws.next());
            // as document 001's example does: every message is acknowledged with a mark_read of its id (here: none)
            int errors = 0;
            while (true) {
                ws.send("{\"action\":\"mark_read\"}");
                java.util.Optional<JsonObject> reply = ws.poll(Duration.ofSeconds(2));
                if (reply.isEmpty()) {
                    break;
                }
                assertEquals(json("{\"type\":\"error\",\"message\":\"Missing notification id\"}"), reply.get());
                errors++;
                assertTrue(errors <= 20, "at most 20 error replies in 10 s");
            }
            assertTrue(errors > 0, "bad input is answered");
            JsonObject live = InventoryClient.notify(nodeB(), user.userId, "Still connected", "info", null);
            assertEquals(InventoryClient.documented(live), ws.next());
        }
    }

    @Test
    void theServerClosesTheConnectionWhenItsTokenExpires() {
        String user = "short-" + System.nanoTime();
        String token = TestTokens.token(user, Duration.ofSeconds(8));
        try (WsClient ws = WsClient.connect(nodeA().ws("/inventory/api/ws/notification?access_token=" + token))) {
            assertEquals("CONNECTION_ESTABLISHED", ws.next().getString("type"));
            ws.send("PING");
            assertEquals(json("{\"type\":\"pong\"}"), ws.next());
            assertEquals(new WsClient.Close(1008, "Token expired"), ws.awaitClose());
        }
    }

    @Test
    void anOversizedFrameClosesWith1009() {
        try (WsClient ws = InventoryClient.freshUser().connect(nodeA())) {
            ws.send("{\"action\":\"mark_read\",\"id\":\"" + "9".repeat(70_000) + "\"}");
            assertEquals(1009, ws.awaitClose().code());
        }
    }
}
