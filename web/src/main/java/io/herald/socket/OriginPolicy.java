package io.herald.socket;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.server.HandshakeRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which browser pages may open a socket that a cookie authenticates ({@code /commerce/ws},
 * {@code /admin/ws}): a browser sends the session cookie with a WebSocket upgrade whatever page
 * asks for it, so without this check a page of another site could act as the signed-in user
 * (cross-site WebSocket hijacking). One rule for every such socket:
 * <ul>
 * <li>no {@code Origin} header: allowed (not a browser; browsers always send it on an upgrade);</li>
 * <li>an {@code Origin} whose host and port are the request's {@code Host}: allowed (the page is
 * this server's own);</li>
 * <li>an {@code Origin} listed in {@value #ALLOWED_ORIGINS} (comma-separated
 * {@code scheme://host[:port]}, as browsers send them): allowed;</li>
 * <li>anything else, {@code null} (sandboxed pages, files) included: refused, and the endpoint
 * closes with 1008 {@value #REFUSED}.</li>
 * </ul>
 */
@ApplicationScoped
public class OriginPolicy {

    /** The configuration key of the extra allowed origins. */
    public static final String ALLOWED_ORIGINS = "herald.http.allowed-origins";
    /** The close reason of a refused origin. */
    public static final String REFUSED = "Origin not allowed";

    @Inject
    @ConfigProperty(name = ALLOWED_ORIGINS)
    Optional<String> configured;

    private Set<String> allowed = Set.of();

    @PostConstruct
    void read() {
        allowed = parse(configured.orElse(""));
    }

    /** Whether the upgrade {@code request} may use the caller's cookie. */
    public boolean allows(HandshakeRequest request) {
        return allows(first(request.getHeaders().get("Origin")), first(request.getHeaders().get("Host")), allowed);
    }

    /**
     * The rule, without a server.
     *
     * @param origin the {@code Origin} header, {@code null} when absent
     * @param host the {@code Host} header
     * @param allowed normalized extra origins ({@link #parse})
     */
    static boolean allows(String origin, String host, Set<String> allowed) {
        if (origin == null) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String authority = uri.getRawAuthority();
        if (authority == null || uri.getScheme() == null) {
            return false;
        }
        if (host != null && authority.equalsIgnoreCase(host.strip())) {
            return true;
        }
        return allowed.contains(normalize(uri));
    }

    /** The comma-separated origins of {@value #ALLOWED_ORIGINS}, normalized; entries that are not origins are ignored. */
    static Set<String> parse(String list) {
        return Stream.of(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        URI uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
                        return uri.getScheme() == null || uri.getRawAuthority() == null ? null : normalize(uri);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                })
                .filter(s -> s != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code scheme://host[:port]} in lower case, without the scheme's default port. */
    private static String normalize(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? uri.getRawAuthority() : uri.getHost();
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
