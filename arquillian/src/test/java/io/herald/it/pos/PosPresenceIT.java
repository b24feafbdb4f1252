package io.herald.it.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.Cluster;
import io.herald.it.HeraldNode;
import io.herald.it.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Presence of document 003 is cluster-wide: joins, leaves and lists across nodes, and users of a killed node leave. */
@ExtendWith(Cluster.class)
class PosPresenceIT {

    private static String location() {
        return "loc-p" + System.nanoTime();
    }

    private static List<String> users(JsonObject list) {
        return list.getJsonArray("users").stream().map(u -> u.asJsonObject().getString("user_id")).toList();
    }

    private static JsonObject awaitList(WsClient ws, String location, int size, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        JsonObject list;
        do {
            list = PosSocketIT.request(ws, "{'type':'presence_list','channel':'orders','params':{'location_id':'" + location + "'}}");
            if (list.getJsonArray("users").size() == size) {
                return list;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return list;
    }

    private static JsonObject nextPresence(WsClient ws, Duration within) {
        JsonObject m = ws.next(within);
        assertEquals("presence", m.getString("type"), m::toString);
        return m;
    }

    @Test
    void aUserWhoJoinsOnOneNodeIsSeenOnTheOtherAndLeavesWhenTheConnectionCloses() throws Exception {
        String loc = location();
        HeraldNode a = Cluster.get().nodeA();
        HeraldNode b = Cluster.get().nodeB();
        try (WsClient manager = PosSocketIT.connect(a, PosSocketIT.token("user-john", List.of(loc), "orders.read"))) {
            PosSocketIT.request(manager, "{'type':'subscribe','id':'s','channel':'orders','params':{'location_id':'" + loc + "'}}");
            try (WsClient server = PosSocketIT.connect(b, PosSocketIT.token("user-sarah", List.of(loc), "orders.read"))) {
                JsonObject joined = PosSocketIT.request(server, "{'type':'presence_join','id':'j','channel':'orders','params':{'location_id':'" + loc
                        + "'},'user_info':{'name':'Sarah Server','role':'server'}}");
                assertTrue(joined.getBoolean("success"), joined::toString);

                JsonObject event = nextPresence(manager, Duration.ofSeconds(10));
                assertEquals("user_joined", event.getString("event"));
                assertEquals("orders", event.getString("channel"));
                assertEquals("user-sarah", event.getJsonObject("data").getString("user_id"));
                assertEquals("Sarah Server", event.getJsonObject("data").getJsonObject("user_info").getString("name"));
                assertTrue(event.getJsonObject("data").getString("joined_at").endsWith("Z"));

                JsonObject list = awaitList(manager, loc, 1, Duration.ofSeconds(1));
                assertEquals("presence_list_response", list.getString("type"));
                assertEquals("orders", list.getString("channel"));
                assertEquals(List.of("user-sarah"), users(list));
                assertEquals("server", list.getJsonArray("users").getJsonObject(0).getJsonObject("user_info").getString("role"));
            }
            JsonObject left = nextPresence(manager, Duration.ofSeconds(10));
            assertEquals("user_left", left.getString("event"));
            assertEquals("user-sarah", left.getJsonObject("data").getString("user_id"));
            assertEquals(List.of(), users(awaitList(manager, loc, 0, Duration.ofSeconds(1))));
        }
    }

    @Test
    void presenceNeedsTheRightsOfASubscriptionAndOneLocation() {
        try (WsClient ws = PosSocketIT.connect(Cluster.get().nodeA(), PosSocketIT.token("user-x", List.of("loc-1", "loc-1b"), "orders.read"))) {
            assertEquals("unauthorized", PosSocketIT.request(ws, "{'type':'presence_join','id':1,'channel':'kds','params':{'location_id':'loc-1'}}").getString("code"));
            assertEquals("unauthorized", PosSocketIT.request(ws, "{'type':'presence_list','channel':'orders','params':{'location_id':'loc-2'}}").getString("code"));
            assertEquals("invalid_params", PosSocketIT.request(ws, "{'type':'presence_join','channel':'orders','params':{'location_ids':['loc-1','loc-1b']}}").getString("code"));
            assertEquals("channel_not_found", PosSocketIT.request(ws, "{'type':'presence_list','channel':'nope','params':{}}").getString("code"));
            assertEquals("invalid_params", PosSocketIT.request(ws, "{'type':'presence_join','channel':'orders','params':{'location_id':'loc-1'},'user_info':'me'}").getString("code"));
        }
    }

    @Test
    void usersOfAKilledNodeLeaveWithinTheDocumentedTime() throws Exception {
        String loc = location();
        Cluster cluster = Cluster.get();
        Map<String, String> env = cluster.nodeEnvironment();
        try (WsClient manager = PosSocketIT.connect(cluster.nodeA(), PosSocketIT.token("user-john", List.of(loc), "orders.read"));
                HeraldNode doomed = HeraldNode.start("pos-doomed", env)) {
            PosSocketIT.request(manager, "{'type':'subscribe','id':'s','channel':'orders','params':{'location_id':'" + loc + "'}}");
            WsClient server = PosSocketIT.connect(doomed, PosSocketIT.token("user-dora", List.of(loc), "orders.read"));
            assertTrue(PosSocketIT.request(server, "{'type':'presence_join','channel':'orders','params':{'location_id':'" + loc + "'}}").getBoolean("success"));
            assertEquals("user_joined", nextPresence(manager, Duration.ofSeconds(10)).getString("event"));

            doomed.kill();
            Instant killed = Instant.now();
            JsonObject left = nextPresence(manager, Duration.ofSeconds(40));
            long tookMs = Duration.between(killed, Instant.now()).toMillis();
            System.out.println("presence of a killed node removed after " + tookMs + " ms");
            assertEquals("user_left", left.getString("event"));
            assertEquals("user-dora", left.getJsonObject("data").getString("user_id"));
            assertEquals(List.of(), users(awaitList(manager, loc, 0, Duration.ofSeconds(2))));
        }
    }
}
