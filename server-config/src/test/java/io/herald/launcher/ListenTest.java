package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code listen}: its arguments and the messages each product sends, without a server. */
class ListenTest {

    /** 2026-01-01T00:00:00Z, the timestamp of the README's signature example. */
    private static final Instant NOW = Instant.ofEpochSecond(1_767_225_600L);
    private static final Settings NO_SETTINGS = new Settings(Map.of());
    private final List<String> signIns = new ArrayList<>();
    private final ListenProduct.SignIn signIn = (url, body, who) -> {
        signIns.add(url + " " + body);
        return "JSESSIONID=abc";
    };

    private static ListenOptions options(String... args) {
        return assertInstanceOf(ListenOptions.Listen.class, ListenOptions.parse(List.of(args), NO_SETTINGS)).options();
    }

    private ListenProduct.Plan plan(String... args) throws ListenFailure {
        ListenOptions options = options(args);
        return options.product().plan(options, signIn, NOW);
    }

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> ListenOptions.parse(List.of(args), NO_SETTINGS)).getMessage();
    }

    private static Map<?, ?> claims(String jwt) {
        return (Map<?, ?>) MiniJson.read(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String bearer(ListenProduct.Plan plan) {
        String header = plan.headers().get("Authorization");
        assertTrue(header.startsWith("Bearer "), header);
        return header.substring("Bearer ".length());
    }

    @Test
    void theProductAloneConnectsToTheLocalDefault() {
        ListenOptions cut = options("commerce");

        assertEquals(ListenProduct.COMMERCE, cut.product());
        assertEquals(URI.create("http://127.0.0.1:8080"), cut.base());
        assertEquals(Map.of(), cut.values());
        assertEquals(List.of(), cut.targets());
        assertEquals(URI.create("ws://127.0.0.1:8080/commerce/ws"), cut.ws("/commerce/ws"));
        assertEquals(URI.create("http://127.0.0.1:8080/commerce/api/auth/login"), cut.http(ListenProduct.LOGIN_PATH));
    }

    @Test
    void theDefaultPortIsTheOneHeraldReads() {
        ListenOptions.Listen cut = (ListenOptions.Listen) ListenOptions.parse(List.of("pos"), new Settings(Map.of("HERALD_HTTP_PORT", "18480")));

        assertEquals(URI.create("http://127.0.0.1:18480"), cut.options().base());
    }

    @Test
    void urlTakesAPrefixAndTheSecureSchemes() {
        assertEquals(URI.create("ws://gw.example:9000/herald/orders/ws"), options("orders", "--url", "http://gw.example:9000/herald/").ws("/orders/ws"));
        assertEquals(URI.create("wss://gw.example/trading/ws"), options("trading", "--url", "https://gw.example").ws("/trading/ws"));
        for (String bad : List.of("ws://127.0.0.1:8080", "127.0.0.1:8080", "http://", "http://h/?x=1", "http://h:x/")) {
            assertEquals("--url must be Herald's base URL such as http://127.0.0.1:8080, got: " + bad, refusal("commerce", "--url", bad), bad);
        }
    }

    @Test
    void optionsAndTargetsMayComeInAnyOrder() {
        ListenOptions cut = options("commerce", "order_changes", "--email", "support@example.com", "product_changes", "--password", "support");

        assertEquals(Map.of("--email", "support@example.com", "--password", "support"), cut.values());
        assertEquals(List.of("order_changes", "product_changes"), cut.targets());
    }

    @Test
    void mistakesAreNamedInOneLine() {
        assertEquals("listen needs a product: commerce, inventory, orders, pos, trading", refusal());
        assertEquals("Unknown product: shop (one of commerce, inventory, orders, pos, trading)", refusal("shop"));
        assertEquals("Unknown option for inventory: --email (try listen --help)", refusal("inventory", "--email", "a@b.c"));
        assertEquals("Unknown option for commerce: --url=http://h (try listen --help)", refusal("commerce", "--url=http://h"));
        assertEquals("--password needs a value", refusal("commerce", "--password"));
        assertEquals("--url needs a value", refusal("commerce", "--url", ""));
        assertEquals("Unknown channel: orders (one of order_changes, product_changes, customer_changes, shipment_changes, transaction_changes)",
                refusal("commerce", "orders"));
        assertEquals("Unknown channel: order_changes (one of orders, kds, inventory, tables, analytics, delivery, notifications, voice)",
                refusal("pos", "order_changes"));
        assertEquals("inventory takes no channels (the user's notifications come by themselves): alice", refusal("inventory", "alice"));
        assertEquals("give --user or --token, not both", refusal("trading", "--user", "bob", "--token", "a.b.c"));
        assertEquals("--token must be a JWT with a sub claim", refusal("pos", "--token", "not-a-jwt"));
        assertEquals("--locations needs location ids, e.g. loc-xyz789,loc-abc456", refusal("pos", "--locations", ","));
        assertEquals("every order of the organization needs a signed connect: give --secret with --api-key, or name order ids",
                refusal("orders", "--api-key", "ak_other"));
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertInstanceOf(ListenOptions.Help.class, ListenOptions.parse(List.of("--help"), NO_SETTINGS));
        assertInstanceOf(ListenOptions.Help.class, ListenOptions.parse(List.of("shop", "-h"), NO_SETTINGS));
    }

    @Test
    void commerceSignsInWithTheDemoAdminAndSubscribesToEveryChannel() throws Exception {
        ListenProduct.Plan cut = plan("commerce");

        assertEquals(List.of("http://127.0.0.1:8080/commerce/api/auth/login {\"email\":\"admin@example.com\",\"password\":\"admin\"}"), signIns);
        assertEquals("/commerce/ws", cut.pathAndQuery());
        assertEquals(Map.of("Cookie", "JSESSIONID=abc"), cut.headers());
        assertEquals(List.of(), cut.hello());
        assertEquals("connected", cut.readyType());
        assertEquals(List.of("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}", "{\"type\":\"subscribe\",\"channel\":\"product_changes\"}",
                "{\"type\":\"subscribe\",\"channel\":\"customer_changes\"}", "{\"type\":\"subscribe\",\"channel\":\"shipment_changes\"}",
                "{\"type\":\"subscribe\",\"channel\":\"transaction_changes\"}"), cut.subscriptions());
    }

    @Test
    void commerceTakesOtherCredentialsAndChannels() throws Exception {
        ListenProduct.Plan cut = plan("commerce", "--email", "support@example.com", "--password", "s\"p", "customer_changes");

        assertEquals(List.of("http://127.0.0.1:8080/commerce/api/auth/login {\"email\":\"support@example.com\",\"password\":\"s\\\"p\"}"), signIns);
        assertEquals(List.of("{\"type\":\"subscribe\",\"channel\":\"customer_changes\"}"), cut.subscriptions());
    }

    @Test
    void aRefusedSignInStopsBeforeTheSocket() {
        ListenOptions options = options("commerce", "--password", "wrong");
        var e = assertThrows(ListenFailure.class, () -> options.product().plan(options, (url, body, who) -> {
            throw new ListenFailure("sign-in as " + who + " failed: HTTP 401 Invalid email or password");
        }, NOW));

        assertEquals("sign-in as admin@example.com failed: HTTP 401 Invalid email or password", e.getMessage());
        assertEquals(1, e.exitCode());
    }

    @Test
    void inventoryConnectsWithADemoTokenForAliceInTheQuery() throws Exception {
        ListenProduct.Plan cut = plan("inventory");

        String prefix = "/inventory/api/ws/notification?access_token=";
        assertTrue(cut.pathAndQuery().startsWith(prefix), cut.pathAndQuery());
        Map<?, ?> claims = claims(URLDecoder.decode(cut.pathAndQuery().substring(prefix.length()), StandardCharsets.UTF_8));
        assertEquals("alice", claims.get("sub"));
        assertEquals("herald-demo", claims.get("iss"));
        assertEquals(List.of(), claims.get("groups"));
        assertEquals(NOW.getEpochSecond() + 12 * 3600, ((Number) claims.get("exp")).longValue());
        assertEquals(Map.of(), cut.headers());
        assertEquals("CONNECTION_ESTABLISHED", cut.readyType());
        assertEquals(List.of(), cut.hello());
        assertEquals(List.of(), cut.subscriptions(), "notifications come without a subscription");
        assertEquals("bob", claims(plan("inventory", "--user", "bob").pathAndQuery().substring(prefix.length())).get("sub"));
    }

    @Test
    void aGivenTokenIsSentAsItIs() throws Exception {
        String token = DemoJwt.sign("carol", List.of(), NOW, 60);

        assertEquals("/inventory/api/ws/notification?access_token=" + token, plan("inventory", "--token", token).pathAndQuery());
        assertEquals("Bearer " + token, plan("trading", "--token", token).headers().get("Authorization"));
    }

    @Test
    void ordersConnectsSignedWithTheDemoKeyAndSubscribesToTheOrganization() throws Exception {
        ListenProduct.Plan cut = plan("orders");

        // the README's example: sk_demo_acme at 1767225600
        assertEquals(List.of("{\"type\":\"connect\",\"data\":{\"api_key\":\"ak_demo_acme\",\"authorization_signature\":\"APIKey=ak_demo_acme,"
                + "signature=7b3a09223206a2fdfefba5fec2b7581a4d40f8d7a0c8023f7b35fbe292a82648,timestamp=1767225600\"}}"), cut.hello());
        assertEquals("/orders/ws", cut.pathAndQuery());
        assertEquals(Map.of(), cut.headers());
        assertEquals("connected", cut.readyType());
        assertEquals(List.of("{\"type\":\"subscribe\",\"data\":{}}"), cut.subscriptions());
    }

    @Test
    void ordersSubscribesToNamedOrdersAndConnectsUnsignedWithAKeyAlone() throws Exception {
        assertEquals(List.of("{\"type\":\"subscribe\",\"data\":{\"order_id\":\"ord_1\"}}", "{\"type\":\"subscribe\",\"data\":{\"order_id\":\"ord_2\"}}"),
                plan("orders", "ord_1", "ord_2").subscriptions());

        ListenProduct.Plan unsigned = plan("orders", "--api-key", "ak_other", "ord_9");
        assertEquals(List.of("{\"type\":\"connect\",\"data\":{\"api_key\":\"ak_other\"}}"), unsigned.hello());
        assertEquals(List.of("{\"type\":\"subscribe\",\"data\":{\"order_id\":\"ord_9\"}}"), unsigned.subscriptions());

        assertTrue(plan("orders", "--api-key", "ak_demo_globex", "--secret", "sk_demo_globex").hello().get(0)
                .contains("\"authorization_signature\":\"APIKey=ak_demo_globex,signature="));
    }

    @Test
    void posSubscribesToEveryChannelAtBothDemoLocationsAsAManagerOfAll() throws Exception {
        ListenProduct.Plan cut = plan("pos");

        assertEquals("/pos/v1/ws", cut.pathAndQuery());
        assertNull(cut.readyType(), "the socket says nothing on open: subscribe at once");
        Map<?, ?> claims = claims(bearer(cut));
        assertEquals("user-john", claims.get("sub"));
        assertEquals(List.of("orders.read", "kds.read", "inventory.read", "tables.read", "analytics.read", "delivery.read", "notifications.read",
                "voice.read"), claims.get("groups"));
        assertEquals(List.of("*"), claims.get("locations"));
        List<String> expected = new ArrayList<>();
        for (String channel : List.of("orders", "kds", "inventory", "tables", "analytics", "delivery")) {
            expected.add("{\"type\":\"subscribe\",\"id\":\"" + channel + "\",\"channel\":\"" + channel
                    + "\",\"params\":{\"location_ids\":[\"loc-xyz789\",\"loc-abc456\"]}}");
        }
        expected.add("{\"type\":\"subscribe\",\"id\":\"notifications\",\"channel\":\"notifications\",\"params\":{\"user_id\":\"user-john\"}}");
        expected.add("{\"type\":\"subscribe\",\"id\":\"voice\",\"channel\":\"voice\",\"params\":{\"location_ids\":[\"loc-xyz789\",\"loc-abc456\"]}}");
        assertEquals(expected, cut.subscriptions());
    }

    @Test
    void posTakesChannelsLocationsAndTheTokensUser() throws Exception {
        assertEquals(List.of("{\"type\":\"subscribe\",\"id\":\"tables\",\"channel\":\"tables\",\"params\":{\"location_ids\":[\"loc-1\",\"loc-2\"]}}"),
                plan("pos", "--locations", "loc-1, loc-2", "tables").subscriptions());

        String sarah = DemoJwt.sign("user-sarah", List.of("notifications.read"), List.of("loc-xyz789"), NOW, 60);
        ListenProduct.Plan cut = plan("pos", "--token", sarah, "notifications");
        assertEquals("Bearer " + sarah, cut.headers().get("Authorization"));
        assertEquals(List.of("{\"type\":\"subscribe\",\"id\":\"notifications\",\"channel\":\"notifications\",\"params\":{\"user_id\":\"user-sarah\"}}"),
                cut.subscriptions());
    }

    @Test
    void tradingJoinsTheDemoRoomsAfterTheConnectionMessage() throws Exception {
        ListenProduct.Plan cut = plan("trading");

        assertEquals("/trading/ws", cut.pathAndQuery());
        assertEquals("connection", cut.readyType());
        assertEquals("alice", claims(bearer(cut)).get("sub"));
        assertEquals(List.of("{\"type\":\"subscribe\",\"channel\":\"market_data\"}", "{\"type\":\"subscribe\",\"channel\":\"positions\"}",
                "{\"type\":\"subscribe\",\"channel\":\"margin_guard\"}", "{\"type\":\"subscribe\",\"channel\":\"notifications\"}",
                "{\"type\":\"subscribe\",\"channel\":\"alerts\"}"), cut.subscriptions());
        assertEquals(List.of("{\"type\":\"subscribe\",\"channel\":\"market:BTC_USD\"}"), plan("trading", "market:BTC_USD").subscriptions());
        assertEquals("bob", claims(bearer(plan("trading", "--user", "bob"))).get("sub"));
    }

    @Test
    void badArgumentsExitWith2AndAnUnreachableServerWith1() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertEquals(2, Listen.run(List.of("shop"), NO_SETTINGS, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("listen: Unknown product: shop"), err.toString(StandardCharsets.UTF_8));

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        for (String product : List.of("commerce", "trading")) {
            err.reset();
            assertEquals(1, Listen.run(List.of(product, "--url", "http://127.0.0.1:" + closed), NO_SETTINGS, o, e));
            assertEquals("listen: cannot reach Herald at http://127.0.0.1:" + closed + " (connection refused): is it running? (java -jar herald.jar, or --url)\n",
                    err.toString(StandardCharsets.UTF_8));
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing but frames on stdout");

        assertEquals(0, Listen.run(List.of("--help"), NO_SETTINGS, o, e));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Usage: java -jar herald.jar listen <commerce|inventory|orders|pos|trading> [--url URL]"), usage);
        assertTrue(usage.contains("orders    [--api-key KEY] [--secret SECRET] [order-id ...]"), usage);
    }
}
