package io.herald.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.auth.control.TokenVerifier;
import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.operations.control.ProductMeter;
import io.herald.socket.FakeSession;
import io.herald.socket.SendLimits;
import io.herald.socket.SocketSubscriber;
import io.herald.socket.SocketTimers;
import io.herald.trading.control.AdminNotices;
import io.herald.trading.control.TradingKeys;
import io.herald.trading.control.TradingRooms;
import io.herald.trading.control.UserConnections;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The admin rooms of the trading socket: what reaches them, at which level, and what they are told about. */
class TradingConnectionTest {

    private static final Instant LATER = Instant.now().plusSeconds(3600);
    private static final Map<String, VerifiedToken> TOKENS = Map.of(
            "root-token", new VerifiedToken("root", Set.of("admin"), LATER, Set.of(), 3),
            "junior-token", new VerifiedToken("junior", Set.of("admin"), LATER, Set.of(), 0),
            "bob-token", new VerifiedToken("bob", Set.of(), LATER));

    private final SessionRegistry registry = new SessionRegistry();
    private final UserConnections users = new UserConnections();
    private final List<String> notices = new ArrayList<>();
    private final TradingConnection.Services services = new TradingConnection.Services(
            new TokenVerifier() {
                @Override
                public VerifiedToken verify(String token) {
                    return TOKENS.get(token);
                }
            },
            registry, users,
            new SocketTimers() {
                @Override
                public Future<?> after(Duration delay, Runnable action) {
                    return new CompletableFuture<>();
                }
            },
            new TradingRooms(Set.of("BTC_USD")), null, null, 1,
            new AdminNotices() {
                @Override
                public void connectionLimitExceeded(String userId, int limit) {
                    notices.add(CONNECTION_LIMIT + " " + userId + " " + limit);
                }
            });

    private final List<FakeSession> clients = new ArrayList<>();

    private TradingConnection connect(String token) {
        FakeSession client = new FakeSession("s" + clients.size());
        client.completeAtOnce();
        clients.add(client);
        TradingConnection connection = new TradingConnection(new SocketSubscriber(client.session(), new ProductMeter("trading"), "trading",
                TradingCodec::event, new SendLimits(10, 1 << 20, 1 << 20), Runnable::run), services);
        registry.register(connection);
        String reply = connection.authenticate(token);
        if (reply != null) {
            connection.out().send(reply);
        }
        return connection;
    }

    private static EventEnvelope event(long id, String type, JsonObject data, String... keys) {
        return new EventEnvelope(id, TradingKeys.PRODUCT, type, Set.of(keys), data, Instant.parse("2025-01-06T10:30:00Z"), "3f9a0c1d7e42");
    }

    /** Hands the event to every connection listening to one of its keys, as the node's fan-out does. */
    private void publish(EventEnvelope event) {
        registry.match(List.copyOf(event.routingKeys())).forEach(s -> s.deliver(new Delivery(event)));
    }

    private List<JsonObject> eventsSentTo(int client) {
        return clients.get(client).sent.stream().map(t -> Json.createReader(new StringReader(t)).readObject())
                .filter(f -> !f.getString("type").equals("connection")).toList();
    }

    @Test
    void anAdminRoomListensToEveryLevelUpToItsOwn() {
        TradingConnection root = connect("root-token");

        assertTrue(registry.isSubscribed(root, "trading:admin:1"));
        assertTrue(registry.isSubscribed(root, "trading:admin:3"));
        assertFalse(registry.isSubscribed(root, "trading:admin:4"));
    }

    @Test
    void anotherUsersMarginGuardExecutionReachesTheAdminsAtOrAboveItsLevelAndNoOtherUser() {
        connect("root-token");
        connect("junior-token");
        connect("bob-token");
        JsonObject execution = Json.createObjectBuilder().add("executionId", "mg_exec_1").add("userId", "alice").add("action", "notification_sent").build();

        publish(event(7, "margin_guard_execution", execution, TradingKeys.user("alice"), TradingKeys.admin(1)));
        publish(event(8, "margin_guard_execution", execution, TradingKeys.user("alice"), TradingKeys.admin(2)));

        JsonObject expected = Json.createObjectBuilder().add("type", "margin_guard_execution").add("channel", "margin_guard")
                .add("data", execution).add("eventId", "3f9a0c1d7e42.7").build();
        assertEquals(List.of(expected, Json.createObjectBuilder(expected).add("eventId", "3f9a0c1d7e42.8").build()), eventsSentTo(0),
                "the level-3 admin gets levels 1 and 2");
        assertEquals(List.of(expected), eventsSentTo(1), "the level-1 admin gets level 1 only");
        assertEquals(List.of(), eventsSentTo(2), "a trader gets nobody else's");
    }

    @Test
    void anAdminWhoLeavesTheAdminRoomGetsNoMoreAdministrativeEvents() {
        TradingConnection root = connect("root-token");
        root.unsubscribe("admin:3");
        root.subscribe("admin:1", null);

        publish(event(9, AdminNotices.CONNECTION_LIMIT, Json.createObjectBuilder().add("userId", "bob").build(), TradingKeys.admin(2)));
        assertEquals(List.of(), eventsSentTo(0), "level 2 is above the room it holds now");
        assertFalse(registry.isSubscribed(root, "trading:admin:2"));

        publish(event(10, AdminNotices.CONNECTION_LIMIT, Json.createObjectBuilder().add("userId", "bob").build(), TradingKeys.admin(1)));
        assertEquals("admin", eventsSentTo(0).get(0).getString("channel"));
    }

    @Test
    void aRefusedConnectionIsAnnouncedToTheAdmins() {
        connect("bob-token");
        connect("bob-token");

        assertEquals(List.of("connection_limit_exceeded bob 1"), notices);
        assertEquals("CONNECTION_LIMIT", Json.createReader(new StringReader(clients.get(1).sent.get(0))).readObject().getString("code"));
    }
}
