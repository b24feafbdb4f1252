package io.herald.auth.control;

import com.nimbusds.jose.jwk.JWK;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The one verifier for every JWT Herald receives: in an {@code Authorization: Bearer} header,
 * in an {@code access_token} query parameter or inside a message. It is configured with
 * MicroProfile JWT's standard keys, so system properties, environment variables
 * ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}, {@code MP_JWT_VERIFY_ISSUER}) and
 * {@code microprofile-config.properties} all work:
 * <ul>
 * <li>{@code mp.jwt.verify.publickey}: the key itself (PEM, JWK, JWK set, or Base64 of these);</li>
 * <li>{@code mp.jwt.verify.publickey.location}: where to read it (file path, URL or class-path
 *     resource); read again every five minutes, so a rotated key is picked up;</li>
 * <li>{@code mp.jwt.verify.issuer}: the required {@code iss};</li>
 * <li>{@code mp.jwt.verify.audiences}: accepted {@code aud} values, comma-separated;</li>
 * <li>{@code mp.jwt.verify.clock.skew}: seconds of tolerance (Herald's default is 0, so that a
 *     connection closes when its token expires);</li>
 * <li>{@code mp.jwt.verify.token.age}: maximum seconds since {@code iat}.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenVerifier {

    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    public static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    public static final String TOKEN_AGE = "mp.jwt.verify.token.age";

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(5);

    @Inject
    Config config;

    private JwtRules rules;
    private String keySource;
    private volatile List<JWK> cachedKeys = List.of();
    private volatile Instant loadedAt = Instant.MIN;

    @PostConstruct
    void configure() {
        Optional<String> inline = config.getOptionalValue(PUBLIC_KEY, String.class).filter(s -> !s.isBlank());
        Optional<String> location = config.getOptionalValue(PUBLIC_KEY_LOCATION, String.class).filter(s -> !s.isBlank());
        if (location.isPresent()) {
            keySource = location.get();
        } else if (inline.isPresent()) {
            cachedKeys = parseOrEmpty(inline.get(), PUBLIC_KEY);
            loadedAt = Instant.MAX;
        } else {
            LOG.warning("No JWT verification key is configured (mp.jwt.verify.publickey or mp.jwt.verify.publickey.location): every token is refused ("
                    + JwtRules.NO_KEY + ")");
        }
        Set<String> audiences = config.getOptionalValue(AUDIENCES, String.class)
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(a -> !a.isEmpty()).collect(Collectors.toSet()))
                .orElse(Set.of());
        rules = new JwtRules(this::keys,
                config.getOptionalValue(ISSUER, String.class).filter(s -> !s.isBlank()).map(String::strip),
                audiences,
                Duration.ofSeconds(config.getOptionalValue(CLOCK_SKEW, Long.class).orElse(0L)),
                config.getOptionalValue(TOKEN_AGE, Long.class).map(Duration::ofSeconds),
                Clock.systemUTC());
        if (keySource != null) {
            keys();
        }
    }

    /**
     * Created with the application rather than on the first token, so that a missing or unreadable
     * key is reported once at startup.
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // @PostConstruct has run
    }

    /**
     * Verifies a token. @throws InvalidTokenException with a short reason that can be shown to the
     * client: {@code Access token required}, {@code Invalid access token}, {@code Invalid token
     * signature}, {@code Invalid token issuer}, {@code Token expired}, ...
     */
    public VerifiedToken verify(String token) throws InvalidTokenException {
        return rules.verify(token);
    }

    private List<JWK> keys() {
        if (keySource != null && Instant.now().isAfter(loadedAt.plus(RELOAD_AFTER))) {
            synchronized (this) {
                if (Instant.now().isAfter(loadedAt.plus(RELOAD_AFTER))) {
                    reload();
                }
            }
        }
        return cachedKeys;
    }

    private void reload() {
        try {
            List<JWK> keys = PublicKeys.parse(PublicKeys.read(keySource, Thread.currentThread().getContextClassLoader()));
            if (cachedKeys.isEmpty()) {
                LOG.info(() -> "JWT verification key" + (keys.size() == 1 ? "" : "s") + " loaded from " + keySource);
            }
            cachedKeys = keys;
            loadedAt = Instant.now();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Could not read the JWT verification key from " + keySource + ": " + e.getMessage()
                    + (cachedKeys.isEmpty() ? "; every token is refused" : "; keeping the keys read before"));
            // try again in a minute rather than on every token
            loadedAt = Instant.now().minus(RELOAD_AFTER).plus(Duration.ofMinutes(1));
        }
    }

    private static List<JWK> parseOrEmpty(String key, String name) {
        try {
            return PublicKeys.parse(key);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "The JWT verification key in " + name + " is unusable (" + e.getMessage() + "): every token is refused");
            return List.of();
        }
    }
}
