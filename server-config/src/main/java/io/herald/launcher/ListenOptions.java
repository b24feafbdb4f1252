package io.herald.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code listen <product> [--url URL] [options] [channel-or-room ...]}, read and
 * checked against what the product accepts ({@link ListenProduct#options()}).
 *
 * @param product the product to listen to
 * @param base the running Herald's base URL, without a trailing slash
 * @param values the product's options given, by name ({@code --email} → value)
 * @param targets the channels, rooms or order ids named after the options
 */
record ListenOptions(ListenProduct product, URI base, Map<String, String> values, List<String> targets) {

    static final String URL = "--url";
    static final String HELP = "--help";
    static final String EMAIL = "--email";
    static final String PASSWORD = "--password";
    static final String USER = "--user";
    static final String TOKEN = "--token";
    static final String API_KEY = "--api-key";
    static final String SECRET = "--secret";
    static final String LOCATIONS = "--locations";
    /** What each option's value is, for the usage text. */
    static final Map<String, String> VALUES = Map.of(EMAIL, "EMAIL", PASSWORD, "PASSWORD", USER, "USER", TOKEN, "JWT", API_KEY, "KEY",
            SECRET, "SECRET", LOCATIONS, "l1,l2");

    ListenOptions {
        values = Map.copyOf(values);
        targets = List.copyOf(targets);
    }

    /** What the user asked for: listen with these options, or the usage text. */
    sealed interface Request permits Listen, Help {
    }

    record Listen(ListenOptions options) implements Request {
    }

    record Help() implements Request {
    }

    /**
     * Reads the arguments after {@code listen}.
     *
     * @throws IllegalArgumentException with a one-line message for the user
     */
    static Request parse(List<String> args, Settings settings) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("listen needs a product: " + ListenProduct.names());
        }
        if (args.contains(HELP) || args.contains("-h")) {
            return new Help();
        }
        ListenProduct product = ListenProduct.named(args.get(0))
                .orElseThrow(() -> new IllegalArgumentException("Unknown product: " + args.get(0) + " (one of " + ListenProduct.names() + ")"));
        String url = null;
        Map<String, String> values = new LinkedHashMap<>();
        List<String> targets = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                targets.add(arg);
                continue;
            }
            if (!arg.equals(URL) && !product.options().contains(arg)) {
                throw new IllegalArgumentException("Unknown option for " + product.wireName() + ": " + arg + " (try listen --help)");
            }
            if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args.get(++i);
            if (arg.equals(URL)) {
                url = value;
            } else {
                values.put(arg, value);
            }
        }
        ListenOptions options = new ListenOptions(product, base(url == null ? defaultUrl(settings) : url), values, targets);
        product.check(options);
        return new Listen(options);
    }

    /** {@code http://127.0.0.1:<herald.http.port>}, 8080 when it is not set. */
    static String defaultUrl(Settings settings) {
        return "http://127.0.0.1:" + settings.port(Settings.HTTP_PORT, 8080);
    }

    private static URI base(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(url, "not an http(s) base URL");
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url must be Herald's base URL such as http://127.0.0.1:8080, got: " + url);
        }
    }

    /** The value of {@code option}, if given. */
    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    /** The HTTP URL of {@code path} on the server. */
    URI http(String path) {
        return URI.create(base + path);
    }

    /** The WebSocket URL of {@code pathAndQuery} on the server ({@code ws:} or {@code wss:}). */
    URI ws(String pathAndQuery) {
        return URI.create((base.getScheme().equals("https") ? "wss" : "ws") + base.toString().substring(base.getScheme().length()) + pathAndQuery);
    }
}
