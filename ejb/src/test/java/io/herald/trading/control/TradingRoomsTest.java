package io.herald.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.auth.control.VerifiedToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradingRoomsTest {

    private final TradingRooms cut = new TradingRooms(Set.of("BTC_USD", "ETH_USD"));
    private final VerifiedToken trader = new VerifiedToken("user_123", Set.of(), Instant.now().plusSeconds(60));
    private final VerifiedToken admin = new VerifiedToken("root", Set.of("admin"), Instant.now().plusSeconds(60), Set.of(), 2);

    @Test
    void automaticRooms() {
        assertEquals(List.of("user:user_123"), TradingRooms.automatic(trader, 0));
        assertEquals(List.of("user:root", "admin:2"), TradingRooms.automatic(admin, 2));
    }

    @Test
    void whoMayHoldWhichRoom() {
        assertEquals(Optional.empty(), cut.refusal("market:BTC_USD", trader, 0));
        assertEquals(Optional.empty(), cut.refusal("positions", trader, 0));
        assertEquals(Optional.empty(), cut.refusal("user:user_123", trader, 0));
        assertEquals(Optional.of("Unknown market: DOGE_USD"), cut.refusal("market:DOGE_USD", trader, 0));
        assertEquals(Optional.of("Not your user room: user:other"), cut.refusal("user:other", trader, 0));
        assertEquals(Optional.of("Admin rooms need the admin group"), cut.refusal("admin:1", trader, 0));
        assertEquals(Optional.empty(), cut.refusal("admin:1", admin, 2));
        assertEquals(Optional.of("Admin room above your level: admin:3"), cut.refusal("admin:3", admin, 2));
        assertEquals(Optional.of("Unknown room: lobby"), cut.refusal("lobby", trader, 0));
        assertTrue(cut.refusal(null, trader, 0).isPresent());
    }

    @Test
    void routingKeys() {
        assertEquals(Set.of("trading:market:BTC_USD"), TradingRooms.routingKeys("market:BTC_USD"));
        assertEquals(Set.of("trading:user:user_123"), TradingRooms.routingKeys("user:user_123"));
        assertEquals(Set.of("trading:markets"), TradingRooms.routingKeys("market_data"));
        assertEquals(Set.of(), TradingRooms.routingKeys("positions"));
        assertTrue(TradingRooms.isSymbol("BTC_USD"));
        assertTrue(!TradingRooms.isSymbol("btc"));
    }

    @Test
    void anAdminRoomListensToTheAdministrativeEventsAtOrBelowItsLevel() {
        assertEquals(Set.of("trading:admin:1", "trading:admin:2", "trading:admin:3"), TradingRooms.routingKeys("admin:3"));
        assertEquals(Set.of("trading:admin:1"), TradingRooms.routingKeys("admin:1"));
        assertEquals(3, TradingRooms.adminLevel("admin:3"));
        assertEquals(0, TradingRooms.adminLevel("user:admin:3"));
        assertEquals(5, TradingRooms.adminLevel(List.of("user:root", "admin:2", "admin:5", "market:BTC_USD")));
        assertEquals(0, TradingRooms.adminLevel(List.of("user:root", "positions")));
    }

    @Test
    void anEventsAdminLevelIsItsLowestAdminKey() {
        assertEquals(2, TradingKeys.adminLevel(Set.of("trading:user:bob", "trading:admin:2", "trading:admin:7")));
        assertEquals(0, TradingKeys.adminLevel(Set.of("trading:user:bob", "trading:system")));
        assertEquals(0, TradingKeys.adminLevel(Set.of("trading:admin:x")));
    }
}
