package io.herald.pos.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.SessionRegistry;
import io.herald.operations.control.ProductMeter;
import io.herald.socket.FakeSession;
import io.herald.socket.SendLimits;
import io.herald.socket.SocketSubscriber;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A point-of-sale client's requests as the codec decodes them and a connection answers them. */
class PosConnectionTest {

    private final FakeSession client = new FakeSession("s1");
    private final SocketSubscriber subscriber = new SocketSubscriber(client.session(), new ProductMeter("pos"), "pos",
            e -> "", new SendLimits(10, 1 << 20, 1 << 20), Runnable::run);
    private final VerifiedToken manager = new VerifiedToken("user-sarah", Set.of("orders.read", "kds.read"),
            Instant.now().plusSeconds(600), Set.of("loc-xyz789"));
    private final PosConnection cut = new PosConnection(subscriber, manager, new SessionRegistry(), 50, null, "node-1", null, null);

    private JsonObject run(String frame) {
        try (JsonReader r = Json.createReader(new StringReader(PosCodec.decode(frame.replace('\'', '"')).runOn(cut)))) {
            return r.readObject();
        }
    }

    @Test
    void theSubscriptionsListEchoesTheRequestId() {
        String sub = run("{'type':'subscribe','id':'req-001','channel':'orders','params':{'location_id':'loc-xyz789'}}").getString("subscription_id");

        JsonObject list = run("{'type':'list_subscriptions','id':'req-002'}");

        assertEquals("subscriptions_list", list.getString("type"));
        assertEquals("req-002", list.getString("id"));
        JsonObject only = list.getJsonArray("subscriptions").getJsonObject(0);
        assertEquals(sub, only.getString("id"));
        assertEquals("orders", only.getString("channel"));
        assertEquals(Json.createObjectBuilder().add("location_id", "loc-xyz789").build(), only.getJsonObject("params"));
        assertEquals(1, list.getJsonArray("subscriptions").size());
    }

    @Test
    void aNumericIdIsEchoedAsANumberAndNoIdIsLeftOut() {
        assertEquals("{\"type\":\"subscriptions_list\",\"id\":7,\"subscriptions\":[]}", run("{'type':'list_subscriptions','id':7}").toString());
        JsonObject without = run("{'type':'list_subscriptions'}");
        assertFalse(without.containsKey("id"));
        assertEquals("{\"type\":\"subscriptions_list\",\"subscriptions\":[]}", without.toString());
    }
}
