package io.herald.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.delivery.control.EventEnvelope;
import io.herald.socket.SocketCommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradingCodecTest {

    private static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    @Test
    void theDocumentsMessages() {
        assertEquals(new TradingCommand.Auth("jwt"), TradingCodec.decode("{\"type\":\"auth\",\"token\":\"jwt\"}"));
        assertEquals(new TradingCommand.Auth(null), TradingCodec.decode("{\"type\":\"auth\"}"));
        assertEquals(new TradingCommand.Subscribe("market:BTC_USD", null), TradingCodec.decode("{\"type\":\"subscribe\",\"channel\":\"market:BTC_USD\"}"));
        assertEquals(new TradingCommand.Unsubscribe("positions"), TradingCodec.decode("{\"type\":\"unsubscribe\",\"channel\":\"positions\"}"));
        assertEquals(new TradingCommand.ListRooms(), TradingCodec.decode("{\"type\":\"list_rooms\"}"));
        assertEquals(new SocketCommand.Invalid<>("Unknown message type: dance"), TradingCodec.decode("{\"type\":\"dance\"}"));
        assertEquals(new SocketCommand.Invalid<>("Invalid JSON"), TradingCodec.decode("{"));
        assertEquals(new SocketCommand.Invalid<>("Missing message type"), TradingCodec.decode("{}"));
    }

    @Test
    void eventsCarryTheDocumentsChannel() {
        EventEnvelope tick = new EventEnvelope(1, "trading", "market_data_update", Set.of("trading:market:BTC_USD"),
                json("{\"symbol\":\"BTC_USD\",\"price\":43250.5}"), Instant.now());
        assertEquals(json("{\"type\":\"market_data_update\",\"channel\":\"market_data\",\"data\":{\"symbol\":\"BTC_USD\",\"price\":43250.5}}"),
                json(TradingCodec.event(tick)));
        assertEquals(json("{\"type\":\"room_subscription\",\"channel\":\"market:BTC_USD\",\"status\":\"subscribed\",\"subscribedRooms\":[\"user:user_123\",\"market:BTC_USD\"]}"),
                json(TradingCodec.roomSubscription("market:BTC_USD", "subscribed", List.of("user:user_123", "market:BTC_USD"))));
    }
}
