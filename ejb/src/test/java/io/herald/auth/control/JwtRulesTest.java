package io.herald.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ISSUER = "https://idp.example.com";
    private static RSAKey trusted;
    private static RSAKey stranger;
    private static ECKey trustedEc;

    private final JwtRules cut = rules(Optional.of(ISSUER), Set.of(), Duration.ZERO, Optional.empty());

    @BeforeAll
    static void keys() throws JOSEException {
        trusted = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        trustedEc = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    private static JwtRules rules(Optional<String> issuer, Set<String> audiences, Duration skew, Optional<Duration> maxAge) {
        List<JWK> keys = List.of(trusted.toPublicJWK(), trustedEc.toPublicJWK());
        return new JwtRules(() -> keys, issuer, audiences, skew, maxAge, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("alice")
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(600)))
                .claim("groups", List.of("admin", "staff"));
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rs256(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return sign(new RSASSASigner(trusted), JWSAlgorithm.RS256, "rsa-1", change.apply(claims()).build());
    }

    private String refusal(String token) {
        return assertThrows(InvalidTokenException.class, () -> cut.verify(token)).reason();
    }

    @Test
    void aGoodTokenYieldsItsSubjectGroupsAndExpiry() throws Exception {
        VerifiedToken token = cut.verify(rs256(c -> c));
        assertEquals(new VerifiedToken("alice", Set.of("admin", "staff"), NOW.plusSeconds(600)), token);
        assertEquals("alice", token.getName());
    }

    @Test
    void es256TokensAreVerifiedWithTheEcKey() throws Exception {
        String token = sign(new ECDSASigner(trustedEc), JWSAlgorithm.ES256, "ec-1", claims().build());
        assertEquals("alice", cut.verify(token).subject());
    }

    @Test
    void aTokenWithoutAKeyIdIsCheckedAgainstEveryKey() throws Exception {
        String token = sign(new RSASSASigner(trusted), JWSAlgorithm.RS256, null, claims().build());
        assertEquals("alice", cut.verify(token).subject());
    }

    @Test
    void missingOrMalformedTokens() {
        assertEquals("Access token required", refusal(null));
        assertEquals("Access token required", refusal("  "));
        assertEquals("Invalid access token", refusal("not-a-jwt"));
        assertEquals("Invalid access token", refusal("a.b.c"));
        assertEquals("Invalid access token", refusal("x".repeat(JwtRules.MAX_TOKEN_LENGTH + 1)));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        assertEquals("Invalid token signature", refusal(sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "rsa-1", claims().build())));
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = rs256(c -> c).split("\\.");
        String forged = sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "rsa-1", claims().subject("root").build()).split("\\.")[1];
        assertEquals("Invalid token signature", refusal(parts[0] + "." + forged + "." + parts[2]));
    }

    @Test
    void unsignedAndHmacTokensAreRefused() throws Exception {
        assertEquals("Invalid access token", refusal(new PlainJWT(claims().build()).serialize()));
        String hmac = sign(new MACSigner("0123456789abcdef0123456789abcdef"), JWSAlgorithm.HS256, null, claims().build());
        assertEquals("Unsupported token algorithm HS256", refusal(hmac));
    }

    @Test
    void issuerAudienceAndSubjectAreChecked() throws Exception {
        assertEquals("Invalid token issuer", refusal(rs256(c -> c.issuer("https://evil.example.com"))));
        assertEquals("Invalid token issuer", refusal(rs256(c -> c.issuer(null))));
        assertEquals("Token has no subject (sub)", refusal(rs256(c -> c.subject(null))));
        assertEquals("Token has no subject (sub)", refusal(rs256(c -> c.subject(" "))));
        JwtRules withAudience = rules(Optional.of(ISSUER), Set.of("herald"), Duration.ZERO, Optional.empty());
        assertEquals("Invalid token audience", assertThrows(InvalidTokenException.class, () -> withAudience.verify(rs256(c -> c.audience("other")))).reason());
        assertEquals("alice", withAudience.verify(rs256(c -> c.audience(List.of("other", "herald")))).subject());
    }

    @Test
    void withoutAConfiguredIssuerAnyIssuerIsAccepted() throws Exception {
        JwtRules anyIssuer = rules(Optional.empty(), Set.of(), Duration.ZERO, Optional.empty());
        assertEquals("alice", anyIssuer.verify(rs256(c -> c.issuer("https://elsewhere"))).subject());
    }

    @Test
    void expiryNotBeforeAndAgeAreCheckedAgainstTheClock() throws Exception {
        assertEquals("Token expired", refusal(rs256(c -> c.expirationTime(Date.from(NOW)))));
        assertEquals("Token expired", refusal(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(1))))));
        assertEquals("Token has no expiry (exp)", refusal(rs256(c -> c.expirationTime(null))));
        assertEquals("Token not yet valid", refusal(rs256(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(5))))));
        assertEquals("alice", cut.verify(rs256(c -> c.expirationTime(Date.from(NOW.plusSeconds(1))))).subject());

        JwtRules lenient = rules(Optional.of(ISSUER), Set.of(), Duration.ofSeconds(30), Optional.of(Duration.ofMinutes(5)));
        assertEquals("alice", lenient.verify(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(29))))).subject());
        assertEquals("Token expired", assertThrows(InvalidTokenException.class,
                () -> lenient.verify(rs256(c -> c.issueTime(Date.from(NOW.minusSeconds(400)))))).reason());
    }

    @Test
    void groupsMayBeOneStringOrAListOfStrings() throws Exception {
        assertEquals(Set.of("admin"), cut.verify(rs256(c -> c.claim("groups", "admin"))).groups());
        assertEquals(Set.of(), cut.verify(rs256(c -> c.claim("groups", null))).groups());
        assertEquals("Token groups must be strings", refusal(rs256(c -> c.claim("groups", List.of(1, 2)))));
    }

    @Test
    void withNoKeyEveryTokenIsRefusedBeforeItIsRead() throws Exception {
        JwtRules noKey = new JwtRules(List::of, Optional.empty(), Set.of(), Duration.ZERO, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
        for (String token : List.of(rs256(c -> c), rs256(c -> c.issuer("herald-demo").claim("groups", List.of("admin"))),
                new PlainJWT(claims().build()).serialize(), "not a token")) {
            assertEquals(JwtRules.NO_KEY, assertThrows(InvalidTokenException.class, () -> noKey.verify(token)).reason());
        }
        assertEquals("Access token required", assertThrows(InvalidTokenException.class, () -> noKey.verify(" ")).reason());
    }

    @Test
    void afterAKeyRotationTheNewKeyVerifiesAndTheOldOneNoLonger() throws Exception {
        java.util.concurrent.atomic.AtomicReference<List<JWK>> keys = new java.util.concurrent.atomic.AtomicReference<>(List.of(trusted.toPublicJWK()));
        JwtRules rotating = new JwtRules(keys::get, Optional.of(ISSUER), Set.of(), Duration.ZERO, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
        String byTrusted = rs256(c -> c);
        String byStranger = sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "rsa-1", claims().build());
        assertEquals("alice", rotating.verify(byTrusted).subject());
        assertEquals("alice", rotating.verify(byTrusted).subject(), "again, with the verifier built the first time");

        keys.set(List.of(stranger.toPublicJWK()));

        assertEquals("alice", rotating.verify(byStranger).subject());
        assertEquals("Invalid token signature", assertThrows(InvalidTokenException.class, () -> rotating.verify(byTrusted)).reason());
    }
    @Test
    void aTokenThatPassedIsCheckedAgainstTheClockAgainOnEveryUse() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        List<JWK> keys = List.of(trusted.toPublicJWK());
        JwtRules rules = new JwtRules(() -> keys, Optional.of(ISSUER), Set.of(), Duration.ZERO, Optional.of(Duration.ofMinutes(5)), moving);
        String token = rs256(c -> c.notBeforeTime(Date.from(NOW.minusSeconds(1))).expirationTime(Date.from(NOW.plusSeconds(120))));

        VerifiedToken first = rules.verify(token);
        assertEquals(first, rules.verify(" " + token + " "), "the same text passes again");

        now.set(NOW.minusSeconds(30));
        assertEquals("Token not yet valid", assertThrows(InvalidTokenException.class, () -> rules.verify(token)).reason());
        now.set(NOW.plusSeconds(120));
        assertEquals("Token expired", assertThrows(InvalidTokenException.class, () -> rules.verify(token)).reason());

        String old = rs256(c -> c.issueTime(Date.from(NOW.minusSeconds(200))));
        now.set(NOW);
        assertEquals("alice", rules.verify(old).subject());
        now.set(NOW.plusSeconds(101));
        assertEquals("Token expired", assertThrows(InvalidTokenException.class, () -> rules.verify(old)).reason(), "older than the maximum age");
    }

    @Test
    void aTokenThatPassedIsVerifiedAgainAfterTheKeysChanged() throws Exception {
        java.util.concurrent.atomic.AtomicReference<List<JWK>> keys = new java.util.concurrent.atomic.AtomicReference<>(List.of(trusted.toPublicJWK()));
        JwtRules rotating = new JwtRules(keys::get, Optional.of(ISSUER), Set.of(), Duration.ZERO, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
        String token = rs256(c -> c);
        assertEquals("alice", rotating.verify(token).subject());
        assertEquals("alice", rotating.verify(token).subject());

        keys.set(List.of(stranger.toPublicJWK()));
        assertEquals("Invalid token signature", assertThrows(InvalidTokenException.class, () -> rotating.verify(token)).reason());
        keys.set(List.of());
        assertEquals(JwtRules.NO_KEY, assertThrows(InvalidTokenException.class, () -> rotating.verify(token)).reason());
    }

    @Test
    void aTamperedCopyOfAPassedTokenIsStillRefused() throws Exception {
        String token = rs256(c -> c);
        assertEquals("alice", cut.verify(token).subject());
        String[] parts = token.split("\\.");
        String otherPayload = rs256(c -> c.subject("mallory")).split("\\.")[1];
        assertEquals("Invalid token signature", refusal(parts[0] + "." + otherPayload + "." + parts[2]));
    }
    @Test
    void aTokenThatPassedIsNotCheckedForItsSignatureAgainWhileTheKeyListIsTheSame() throws Exception {
        // the supplier hands out a new list when the keys change (TokenVerifier does); the same list means the same keys,
        // so changing this one in place shows whether the signature was checked again
        List<JWK> keys = new java.util.ArrayList<>(List.of(trusted.toPublicJWK()));
        JwtRules rules = new JwtRules(() -> keys, Optional.of(ISSUER), Set.of(), Duration.ZERO, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
        String token = rs256(c -> c);
        String fresh = rs256(c -> c.subject("bob"));
        assertEquals("alice", rules.verify(token).subject());

        keys.set(0, stranger.toPublicJWK());
        assertEquals("alice", rules.verify(token).subject(), "remembered: no second signature check");
        assertEquals("Invalid token signature", assertThrows(InvalidTokenException.class, () -> rules.verify(fresh)).reason(),
                "a token not seen before is checked");

        String large = rs256(c -> c.claim("padding", "x".repeat(JwtRules.MAX_CACHED_TOKEN_LENGTH)));
        keys.set(0, trusted.toPublicJWK());
        assertEquals("alice", rules.verify(large).subject());
        keys.set(0, stranger.toPublicJWK());
        assertEquals("Invalid token signature", assertThrows(InvalidTokenException.class, () -> rules.verify(large)).reason(),
                "a token over " + JwtRules.MAX_CACHED_TOKEN_LENGTH + " characters is not remembered");
    }
}
