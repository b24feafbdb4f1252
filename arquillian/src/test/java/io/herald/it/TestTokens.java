package io.herald.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The identity provider of the test nodes: an RSA key pair made for this test run. Nodes are
 * configured exactly as a team would point Herald at its own provider, through
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} (a PEM file) and {@code MP_JWT_VERIFY_ISSUER};
 * tests sign tokens with the private key (and, for negative cases, with a stranger's key).
 */
public final class TestTokens {

    public static final String ISSUER = "https://idp.herald.test";
    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    /** The PEM file of this provider's public key. */
    public static Path publicKeyFile() {
        return PUBLIC_KEY;
    }

    /** The environment that makes a node trust this provider. */
    public static Map<String, String> serverEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", PUBLIC_KEY.toString(), "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    /** A valid token for {@code subject}, one hour long. */
    public static String token(String subject, String... groups) {
        return token(subject, Duration.ofHours(1), groups);
    }

    /** A token for {@code subject} that expires {@code ttl} from now (negative: expired already). */
    public static String token(String subject, Duration ttl, String... groups) {
        return sign(KEYS.getPrivate(), claims(subject, ISSUER, ttl, groups).build());
    }

    /** A token with any claims, signed by the trusted key. */
    public static String withClaims(JsonObject claims) {
        return sign(KEYS.getPrivate(), claims);
    }

    /** A well-formed token signed by a key the nodes do not trust. */
    public static String signedByStranger(String subject) {
        return sign(STRANGER.getPrivate(), claims(subject, ISSUER, Duration.ofHours(1)).build());
    }

    /** A token from another issuer, signed by the trusted key. */
    public static String fromOtherIssuer(String subject) {
        return sign(KEYS.getPrivate(), claims(subject, "https://elsewhere.test", Duration.ofHours(1)).build());
    }

    public static JsonObjectBuilder claims(String subject, String issuer, Duration ttl, String... groups) {
        Instant now = Instant.now();
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        for (String g : groups) {
            groupArray.add(g);
        }
        return Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("groups", groupArray)
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(ttl).getEpochSecond());
    }

    private static String sign(PrivateKey key, JsonObject claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path dir = Path.of(System.getProperty("herald.it.logs", "target/it-logs")).getParent().resolve("it-keys");
            Files.createDirectories(dir);
            Path file = dir.resolve("idp-public-" + UUID.randomUUID() + ".pem");
            Files.writeString(file, pem);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
