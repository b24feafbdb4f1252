package io.herald.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The identity provider of the WildFly target: an RSA key pair made for this run. WildFly trusts its
 * public key (a PEM file, {@code HERALD_JWT_KEY_LOCATION} of the configuration script) and its issuer;
 * the generator signs its tokens (RS256, the claims herald.jar's {@code token} command writes).
 */
final class Jwt {

    static final String ISSUER = "https://idp.herald-bench.test";

    private final KeyPair keys;

    private Jwt(KeyPair keys) {
        this.keys = keys;
    }

    static Jwt generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new Jwt(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The public key as a PEM file ({@code -----BEGIN PUBLIC KEY-----}); @return the file */
    Path writePublicKey(Path file) throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, pem);
    }

    /** A token for {@code subject} in {@code groups}, valid for {@code ttlSeconds}. */
    String sign(String subject, long ttlSeconds, String... groups) {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":" + NodeSubscribers.quote(ISSUER) + ",\"sub\":" + NodeSubscribers.quote(subject)
                + ",\"upn\":" + NodeSubscribers.quote(subject)
                + ",\"groups\":" + Stream.of(groups).map(NodeSubscribers::quote).collect(Collectors.joining(",", "[", "]"))
                + ",\"iat\":" + now + ",\"exp\":" + (now + ttlSeconds) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
