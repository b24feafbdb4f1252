package io.herald.launcher;

import static io.herald.launcher.ListenOptions.API_KEY;
import static io.herald.launcher.ListenOptions.EMAIL;
import static io.herald.launcher.ListenOptions.LOCATIONS;
import static io.herald.launcher.ListenOptions.PASSWORD;
import static io.herald.launcher.ListenOptions.SECRET;
import static io.herald.launcher.ListenOptions.TOKEN;
import static io.herald.launcher.ListenOptions.USER;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The five sockets {@code java -jar herald.jar listen} can watch: for each, its path, how it
 * authenticates (with the README's demo credentials unless told otherwise), the frame that says
 * it is ready for subscriptions, and the subscribe messages, exactly as its API document writes
 * them. This table is {@code listen}'s one source of the products' socket paths, demo accounts
 * and channel names: the usage text, the messages and the start-up banner's list of sockets are
 * made from it.
 */
public enum ListenProduct {

    /** Document 000: sign in over REST, then the session cookie on the upgrade. */
    COMMERCE("commerce", "/commerce/ws", "connected", List.of(EMAIL, PASSWORD), "[channel ...]",
            Demo.COMMERCE_CHANNELS, "signs in as " + Demo.EMAIL + " / " + Demo.PASSWORD + "; every channel") {
        @Override
        void check(ListenOptions options) {
            requireKnown(options.targets(), Demo.COMMERCE_CHANNELS, "channel");
        }

        @Override
        Plan plan(ListenOptions options, SignIn signIn, Instant now) throws ListenFailure {
            String email = options.value(EMAIL).orElse(Demo.EMAIL);
            Map<String, Object> login = new LinkedHashMap<>();
            login.put("email", email);
            login.put("password", options.value(PASSWORD).orElse(Demo.PASSWORD));
            String cookie = signIn.cookie(options.http(LOGIN_PATH), MiniJson.write(login), email);
            List<String> subscriptions = targetsOrDefault(options).stream()
                    .map(channel -> message("type", "subscribe", "channel", channel)).toList();
            return new Plan(path, Map.of("Cookie", cookie), List.of(), ready, subscriptions, email + " (signed in)");
        }
    },

    /** Document 001: a JWT in {@code access_token}; the user's notifications arrive without subscribing. */
    INVENTORY("inventory", "/inventory/api/ws/notification", "CONNECTION_ESTABLISHED", List.of(USER, TOKEN), "",
            List.of(), "a demo token for " + Demo.INVENTORY_USER + "; prints the user's unread and new notifications") {
        @Override
        void check(ListenOptions options) {
            checkToken(options);
            if (!options.targets().isEmpty()) {
                throw new IllegalArgumentException("inventory takes no channels (the user's notifications come by themselves): "
                        + String.join(" ", options.targets()));
            }
        }

        @Override
        Plan plan(ListenOptions options, SignIn signIn, Instant now) throws ListenFailure {
            Token token = token(options, Demo.INVENTORY_USER, List.of(), null, now);
            return new Plan(path + "?access_token=" + URLEncoder.encode(token.jwt(), StandardCharsets.UTF_8), Map.of(), List.of(), ready,
                    List.of(), token.identity());
        }
    },

    /** Document 002: a {@code connect} message with the API key (signed for the organization's orders). */
    ORDERS("orders", "/orders/ws", "connected", List.of(API_KEY, SECRET), "[order-id ...]",
            List.of(), "api_key " + Demo.API_KEY + " signed with " + Demo.SECRET + "; without order ids, every order of its organization") {
        @Override
        void check(ListenOptions options) {
            if (options.targets().isEmpty() && secret(options).isEmpty()) {
                throw new IllegalArgumentException("every order of the organization needs a signed connect: give " + SECRET
                        + " with " + API_KEY + ", or name order ids");
            }
        }

        @Override
        Plan plan(ListenOptions options, SignIn signIn, Instant now) {
            String apiKey = options.value(API_KEY).orElse(Demo.API_KEY);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("api_key", apiKey);
            secret(options).ifPresent(secret -> data.put("authorization_signature", signature(apiKey, secret, now)));
            Map<String, Object> connect = new LinkedHashMap<>();
            connect.put("type", "connect");
            connect.put("data", data);
            List<String> subscriptions = options.targets().isEmpty()
                    ? List.of(message("type", "subscribe", "data", Map.of()))
                    : options.targets().stream().map(id -> message("type", "subscribe", "data", Map.of("order_id", id))).toList();
            return new Plan(path, Map.of(), List.of(MiniJson.write(connect)), ready, subscriptions,
                    apiKey + (data.containsKey("authorization_signature") ? " (signed connect)" : " (connect without signature: named orders only)"));
        }

        /** The secret to sign with: {@code --secret}, or the demo secret when the key is the demo key. */
        private Optional<String> secret(ListenOptions options) {
            return options.value(SECRET).or(() -> options.value(API_KEY).isEmpty() ? Optional.of(Demo.SECRET) : Optional.empty());
        }
    },

    /** Document 003: a JWT as Bearer; one subscription per channel, every location of the demo. */
    POS("pos", "/pos/v1/ws", null, List.of(USER, TOKEN, LOCATIONS), "[channel ...]",
            Demo.POS_CHANNELS, "a demo token for " + Demo.POS_USER + " (every channel and location); every channel at "
                    + String.join(",", Demo.POS_LOCATIONS)) {
        @Override
        void check(ListenOptions options) {
            checkToken(options);
            requireKnown(options.targets(), Demo.POS_CHANNELS, "channel");
            if (options.value(LOCATIONS).map(ListenProduct::list).filter(List::isEmpty).isPresent()) {
                throw new IllegalArgumentException(LOCATIONS + " needs location ids, e.g. " + String.join(",", Demo.POS_LOCATIONS));
            }
        }

        @Override
        Plan plan(ListenOptions options, SignIn signIn, Instant now) throws ListenFailure {
            List<String> groups = Demo.POS_CHANNELS.stream().map(channel -> channel + ".read").toList();
            Token token = token(options, Demo.POS_USER, groups, List.of(Demo.ALL_LOCATIONS), now);
            List<String> locations = options.value(LOCATIONS).map(ListenProduct::list).orElse(Demo.POS_LOCATIONS);
            List<String> subscriptions = targetsOrDefault(options).stream().map(channel -> {
                Map<String, Object> params = channel.equals(Demo.POS_USER_CHANNEL)
                        ? Map.of("user_id", token.subject()) : Map.of("location_ids", locations);
                return message("type", "subscribe", "id", channel, "channel", channel, "params", params);
            }).toList();
            return new Plan(path, Map.of("Authorization", "Bearer " + token.jwt()), List.of(), ready, subscriptions, token.identity());
        }
    },

    /** Document 004: a JWT as Bearer; rooms joined with {@code subscribe}. */
    TRADING("trading", "/trading/ws", "connection", List.of(USER, TOKEN), "[room ...]",
            Demo.TRADING_ROOMS, "a demo token for " + Demo.TRADING_USER + "; rooms " + String.join(" ", Demo.TRADING_ROOMS)
                    + " (user:<id> and system events come anyway)") {
        @Override
        void check(ListenOptions options) {
            checkToken(options);
        }

        @Override
        Plan plan(ListenOptions options, SignIn signIn, Instant now) throws ListenFailure {
            Token token = token(options, Demo.TRADING_USER, List.of(), null, now);
            List<String> subscriptions = targetsOrDefault(options).stream()
                    .map(room -> message("type", "subscribe", "channel", room)).toList();
            return new Plan(path, Map.of("Authorization", "Bearer " + token.jwt()), List.of(), ready, subscriptions, token.identity());
        }
    };

    /** The README's demo accounts and the documents' channel names. */
    public static final class Demo {
        public static final String EMAIL = "admin@example.com";
        public static final String PASSWORD = "admin";
        static final List<String> COMMERCE_CHANNELS = List.of("order_changes", "product_changes", "customer_changes", "shipment_changes",
                "transaction_changes");
        static final String INVENTORY_USER = "alice";
        public static final String API_KEY = "ak_demo_acme";
        public static final String SECRET = "sk_demo_acme";
        static final String POS_USER = "user-john";
        static final String POS_USER_CHANNEL = "notifications";
        static final List<String> POS_CHANNELS = List.of("orders", "kds", "inventory", "tables", "analytics", "delivery", POS_USER_CHANNEL,
                "voice");
        static final List<String> POS_LOCATIONS = List.of("loc-xyz789", "loc-abc456");
        static final String ALL_LOCATIONS = "*";
        static final String TRADING_USER = "alice";
        static final List<String> TRADING_ROOMS = List.of("market_data", "positions", "margin_guard", "notifications", "alerts");

        private Demo() {
        }
    }

    public static final String LOGIN_PATH = "/commerce/api/auth/login";
    /** How long a token minted here is valid: the socket closes with 1008 {@code Token expired} after it. */
    static final Duration TOKEN_TTL = Duration.ofHours(12);

    final String path;
    final String ready;
    private final String wireName;
    private final List<String> options;
    private final String targetsUsage;
    private final List<String> defaultTargets;
    private final String defaults;

    ListenProduct(String wireName, String path, String ready, List<String> options, String targetsUsage, List<String> defaultTargets,
            String defaults) {
        this.wireName = wireName;
        this.path = path;
        this.ready = ready;
        this.options = options;
        this.targetsUsage = targetsUsage;
        this.defaultTargets = defaultTargets;
        this.defaults = defaults;
    }

    /**
     * How to open and subscribe: the socket's path and query, the upgrade's headers, the messages
     * sent on open, the {@code type} of the frame after which the subscriptions are sent
     * ({@code null}: at once), the subscriptions, and who the client is (for the user).
     */
    record Plan(String pathAndQuery, Map<String, String> headers, List<String> hello, String readyType, List<String> subscriptions,
            String identity) {
    }

    /** Signs in over REST. */
    @FunctionalInterface
    interface SignIn {
        /** Posts {@code body} to {@code url}. @return the {@code Cookie} header for the session; @throws ListenFailure when refused */
        String cookie(URI url, String body, String who) throws ListenFailure;
    }

    /** The plan for these options; a commerce plan signs in first. */
    abstract Plan plan(ListenOptions options, SignIn signIn, Instant now) throws ListenFailure;

    /** Refuses options that do not fit together; @throws IllegalArgumentException with a message for the user */
    abstract void check(ListenOptions options);

    /** The product's name, as in {@code listen <product>} and the event envelope. */
    public String wireName() {
        return wireName;
    }

    /** The socket's path, from the server's root. */
    public String path() {
        return path;
    }

    /** The options this product takes besides {@code --url}. */
    List<String> options() {
        return options;
    }

    static Optional<ListenProduct> named(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(ListenProduct::wireName).collect(Collectors.joining(", "));
    }

    /** The usage lines of {@code listen}, two per product: its syntax and its defaults. */
    static String usage(String indent) {
        StringBuilder out = new StringBuilder();
        for (ListenProduct p : values()) {
            String opts = p.options.stream().map(o -> "[" + o + " " + ListenOptions.VALUES.get(o) + "]")
                    .collect(Collectors.joining(" "));
            out.append(indent).append(String.format("%-9s %s", p.wireName, (opts + " " + p.targetsUsage).trim())).append('\n');
            out.append(indent).append("          default: ").append(p.defaults).append('\n');
        }
        return out.toString().stripTrailing();
    }

    List<String> targetsOrDefault(ListenOptions options) {
        return options.targets().isEmpty() ? defaultTargets : options.targets();
    }

    /**
     * {@code authorization_signature} of document 002: HMAC-SHA256 with the secret over
     * {@code GET\n/ws\n<timestamp>}, lowercase hex, as the README's shell recipe computes it.
     */
    static String signature(String apiKey, String secret, Instant now) {
        long timestamp = now.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hmac = mac.doFinal(("GET\n/ws\n" + timestamp).getBytes(StandardCharsets.UTF_8));
            return "APIKey=" + apiKey + ",signature=" + HexFormat.of().formatHex(hmac) + ",timestamp=" + timestamp;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** A token and whose it is. */
    record Token(String jwt, String subject, String identity) {
    }

    /** {@code --token}, or a demo token for {@code --user} (default {@code user}) as {@code herald.jar token} signs it. */
    static Token token(ListenOptions options, String user, List<String> groups, List<String> locations, Instant now) throws ListenFailure {
        Optional<String> given = options.value(TOKEN);
        if (given.isPresent()) {
            String subject = subject(given.get());
            return new Token(given.get(), subject, subject + " (the given token)");
        }
        String subject = options.value(USER).orElse(user);
        try {
            return new Token(DemoJwt.sign(subject, groups, locations, now, TOKEN_TTL.toSeconds()), subject,
                    subject + " (a demo token, valid " + TOKEN_TTL.toHours() + " h, accepted only in demo mode)");
        } catch (IOException | GeneralSecurityException e) {
            throw new ListenFailure("Could not sign a demo token: " + e);
        }
    }

    /** The {@code sub} claim of a JWT, read without verifying it (the server verifies). */
    static String subject(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            if (parts.length == 3 && MiniJson.member(MiniJson.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)),
                    "sub") instanceof String sub) {
                return sub;
            }
        } catch (IllegalArgumentException e) {
            // not Base64 or not JSON: reported below
        }
        throw new IllegalArgumentException(TOKEN + " must be a JWT with a sub claim");
    }

    private static void checkToken(ListenOptions options) {
        if (options.value(USER).isPresent() && options.value(TOKEN).isPresent()) {
            throw new IllegalArgumentException("give " + USER + " or " + TOKEN + ", not both");
        }
        options.value(TOKEN).ifPresent(ListenProduct::subject);
    }

    private static void requireKnown(List<String> targets, List<String> known, String what) {
        for (String target : targets) {
            if (!known.contains(target)) {
                throw new IllegalArgumentException("Unknown " + what + ": " + target + " (one of " + String.join(", ", known) + ")");
            }
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A JSON object of the given name/value pairs, in that order. */
    private static String message(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return MiniJson.write(map);
    }
}
