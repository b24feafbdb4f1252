package io.herald.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The checks a token must pass: a signature by one of the configured keys with an RSA or EC
 * algorithm (never {@code none} or HMAC), the configured issuer and audience, a subject, and
 * {@code exp}/{@code nbf}/{@code iat} against the clock with the allowed skew. With no key at all
 * every token is refused ({@link #NO_KEY}). A token that passed is remembered by its text with the
 * key list it passed against: the same text against the same keys needs only the time checks again.
 */
public final class JwtRules {

    static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    static final Set<JWSAlgorithm> EC_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    /**
     * The reason given for every token when there is no key to verify with (none configured, or the
     * configured one unreadable): without a key nothing can be trusted, so nothing is.
     */
    public static final String NO_KEY = "Token verification is not configured on the server";
    /** Tokens longer than this are refused unread. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final Supplier<List<JWK>> keys;
    private final Optional<String> issuer;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final Optional<Duration> maxAge;
    private final Clock clock;
    /** Verifiers by key ({@link #verifierOf}); at most {@value #MAX_CACHED_VERIFIERS}. */
    private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    static final int MAX_CACHED_VERIFIERS = 64;
    /**
     * Tokens that passed every check, by their text, with the key list they were verified against;
     * at most {@value #MAX_CACHED_TOKENS} of at most {@value #MAX_CACHED_TOKEN_LENGTH} characters
     * (a few MB at most). A client sends the same token with every request, and its signature
     * check (RSA) was 12 % of the CPU of a {@code POST /api/events} (JFR).
     */
    private final Map<String, Passed> passed = new ConcurrentHashMap<>();
    static final int MAX_CACHED_TOKENS = 1024;
    static final int MAX_CACHED_TOKEN_LENGTH = 4096;

    /** A token that passed, and what its time checks need. */
    private record Passed(List<JWK> keys, VerifiedToken token, Date notBefore, Date issuedAt) {
    }

    /**
     * @param keys the verification keys, asked for on every verification (the supplier may cache)
     * @param issuer the required {@code iss}; empty: not checked
     * @param audiences accepted {@code aud} values; empty: not checked
     * @param clockSkew tolerance for {@code exp}, {@code nbf} and the token age
     * @param maxAge when present, tokens issued ({@code iat}) longer ago are refused
     */
    public JwtRules(Supplier<List<JWK>> keys, Optional<String> issuer, Set<String> audiences, Duration clockSkew,
                    Optional<Duration> maxAge, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audiences = Set.copyOf(audiences);
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VerifiedToken verify(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("Access token required");
        }
        List<JWK> current = keys.get();
        if (current.isEmpty()) {
            throw new InvalidTokenException(NO_KEY);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("Invalid access token");
        }
        String text = token.strip();
        Passed before = passed.get(text);
        if (before != null && before.keys() == current) {
            // the same text passed the signature and the claims against these keys: only time has moved
            checkTimes(before.token().expiresAt(), before.notBefore(), before.issuedAt());
            return before.token();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(text);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidTokenException("Invalid access token");
        }
        checkSignature(jwt, current);
        VerifiedToken verified = checkClaims(claims);
        if (text.length() <= MAX_CACHED_TOKEN_LENGTH) {
            if (passed.size() >= MAX_CACHED_TOKENS) {
                passed.clear();
            }
            passed.put(text, new Passed(current, verified, claims.getNotBeforeTime(), claims.getIssueTime()));
        }
        return verified;
    }

    private void checkSignature(SignedJWT jwt, List<JWK> all) throws InvalidTokenException {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        boolean rsa = RSA_ALGORITHMS.contains(algorithm);
        if (!rsa && !EC_ALGORITHMS.contains(algorithm)) {
            throw new InvalidTokenException("Unsupported token algorithm " + algorithm);
        }
        String keyId = jwt.getHeader().getKeyID();
        boolean anyWithThatId = keyId != null && all.stream().anyMatch(k -> keyId.equals(k.getKeyID()));
        for (JWK key : all) {
            if (anyWithThatId && !keyId.equals(key.getKeyID())) {
                continue;
            }
            try {
                JWSVerifier verifier = rsa == (key instanceof RSAKey) ? verifierOf(key) : null;
                if (verifier != null && jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException | IllegalStateException e) {
                // a key that cannot verify this algorithm (e.g. another curve): try the next one
            }
        }
        throw new InvalidTokenException("Invalid token signature");
    }

    /**
     * The verifier of {@code key}, built once: building one decodes the key (Base64 to
     * {@code BigInteger}s, a curve's points), which JFR showed on every REST call and handshake.
     * Verifiers are thread-safe; the cache forgets everything when keys were rotated often enough
     * to fill it. {@code null} for a key of another type than RSA and EC.
     */
    private JWSVerifier verifierOf(JWK key) throws JOSEException {
        JWSVerifier cached = verifiers.get(key);
        if (cached == null) {
            cached = key instanceof RSAKey r ? new RSASSAVerifier(r) : key instanceof ECKey e ? new ECDSAVerifier(e) : null;
            if (cached == null) {
                return null;
            }
            if (verifiers.size() >= MAX_CACHED_VERIFIERS) {
                verifiers.clear();
            }
            verifiers.put(key, cached);
        }
        return cached;
    }

    private VerifiedToken checkClaims(JWTClaimsSet claims) throws InvalidTokenException {
        if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
            throw new InvalidTokenException("Invalid token issuer");
        }
        if (!audiences.isEmpty() && (claims.getAudience() == null || claims.getAudience().stream().noneMatch(audiences::contains))) {
            throw new InvalidTokenException("Invalid token audience");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new InvalidTokenException("Token has no expiry (exp)");
        }
        Instant expiresAt = exp.toInstant();
        checkTimes(expiresAt, claims.getNotBeforeTime(), claims.getIssueTime());
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("Token has no subject (sub)");
        }
        if (subject.length() > 255) {
            throw new InvalidTokenException("Token subject is too long");
        }
        return new VerifiedToken(subject, strings(claims.getClaim("groups"), "groups"), expiresAt,
                strings(claims.getClaim("locations"), "locations"), level(claims.getClaim("admin_level")));
    }

    /** {@code exp}, {@code nbf} and the token's age against the clock, with the allowed skew. */
    private void checkTimes(Instant expiresAt, Date nbf, Date iat) throws InvalidTokenException {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt.plus(clockSkew))) {
            throw new InvalidTokenException("Token expired");
        }
        if (nbf != null && now.plus(clockSkew).isBefore(nbf.toInstant())) {
            throw new InvalidTokenException("Token not yet valid");
        }
        if (maxAge.isPresent() && iat != null && now.isAfter(iat.toInstant().plus(maxAge.get()).plus(clockSkew))) {
            throw new InvalidTokenException("Token expired");
        }
    }

    /** A positive whole number up to 100 (or such a string); absent: 0. */
    private static int level(Object claim) throws InvalidTokenException {
        if (claim == null) {
            return 0;
        }
        try {
            long level = claim instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue()
                    : claim instanceof String s ? Long.parseLong(s) : -1;
            if (level >= 1 && level <= VerifiedToken.MAX_ADMIN_LEVEL) {
                return (int) level;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidTokenException("Token admin_level must be a whole number from 1 to " + VerifiedToken.MAX_ADMIN_LEVEL);
    }

    /** A claim that is a string or an array of strings (absent: none). */
    private static Set<String> strings(Object claim, String name) throws InvalidTokenException {
        Set<String> groups = new LinkedHashSet<>();
        if (claim instanceof String single) {
            groups.add(single);
        } else if (claim instanceof Collection<?> many) {
            for (Object group : many) {
                if (!(group instanceof String value)) {
                    throw new InvalidTokenException("Token " + name + " must be strings");
                }
                groups.add(value);
            }
        } else if (claim != null) {
            throw new InvalidTokenException("Token " + name + " must be strings");
        }
        return groups;
    }
}
