package io.herald.pos.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.delivery.control.EventEnvelope;
import io.herald.pos.control.PosError;
import io.herald.socket.SocketCommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PosCodecTest {

    private static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    @Test
    void anEventFrameNamesItsSubscriptionsAndSharesTheRestBetweenConnections() {
        JsonObject data = Json.createObjectBuilder().add("location_id", "l\"1").add("total", 12.5).build();
        EventEnvelope e = new EventEnvelope(7, "pos", "order.paid", Set.of("pos:orders:loc:l1"), data, Instant.parse("2026-01-18T14:30:00Z"));
        String frame = PosCodec.event("orders", List.of("sub-a", "sub-b"), e, PosCodec.eventTail(e));

        JsonObject expected = Json.createObjectBuilder().add("type", "event").add("channel", "orders").add("event", "order.paid")
                .add("subscription_ids", Json.createArrayBuilder().add("sub-a").add("sub-b")).add("data", data)
                .add("timestamp", "2026-01-18T14:30:00.000Z").build();
        try (JsonReader r = Json.createReader(new StringReader(frame))) {
            assertEquals(expected, r.readObject());
        }
    }

    @Test
    void requestsAndRefusals() {
        assertEquals(new PosCommand.Subscribe(Json.createValue("req-001"), "orders", json("{'location_id':'x'}")),
                PosCodec.decode("{\"type\":\"subscribe\",\"id\":\"req-001\",\"channel\":\"orders\",\"params\":{\"location_id\":\"x\"}}"));
        assertEquals(new PosCommand.Unsubscribe(null, "sub-1"), PosCodec.decode("{\"type\":\"unsubscribe\",\"subscription_id\":\"sub-1\"}"));
        assertEquals(new PosCommand.Refuse(Json.createValue(3), PosError.invalidMessage("Missing channel")),
                PosCodec.decode("{\"type\":\"subscribe\",\"id\":3}"));
        assertEquals(new SocketCommand.Invalid<>("Invalid JSON"), PosCodec.decode("{"));
        assertEquals(new SocketCommand.Ping<>(), PosCodec.decode("{\"type\":\"ping\"}"));
        assertEquals("{\"type\":\"error\",\"id\":\"r\",\"code\":\"subscription_limit\",\"message\":\"Maximum subscriptions reached\",\"current\":50,\"limit\":50}",
                PosCodec.error(Json.createValue("r"), PosError.limit(50, 50)));
    }
}
