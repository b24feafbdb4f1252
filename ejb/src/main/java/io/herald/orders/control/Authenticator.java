package io.herald.orders.control;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks the credentials of a {@code connect} message: the API key must exist and not be revoked;
 * an {@code authorization_signature}, when present, must be well formed, name the same key, be
 * within {@value RequestSignature#MAX_SKEW_SECONDS} s of the server's clock and carry the right HMAC.
 */
public final class Authenticator {

    public static final String MISSING_API_KEY = "missing api_key";
    public static final String INVALID_API_KEY = "invalid api_key";
    private static final int MAX_API_KEY = 64;

    /**
     * A key that may be used: not revoked.
     *
     * @param secret decrypts the secret (called only for signed connects); empty if it cannot be
     *     decrypted, which refuses every signature
     */
    public record ActiveKey(String apiKey, String organizationId, Supplier<Optional<String>> secret) {
    }

    private final Function<String, Optional<ActiveKey>> keys;
    private final Clock clock;

    /** @param keys finds an active (existing, not revoked) key by its {@code api_key} */
    public Authenticator(Function<String, Optional<ActiveKey>> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param apiKey the {@code api_key}; {@code null} or blank when missing
     * @param signature the {@code authorization_signature}; {@code null} for an API-key-only connect
     */
    public Authentication authenticate(String apiKey, String signature) {
        if (apiKey == null || apiKey.isBlank()) {
            return new Authentication.Refused(MISSING_API_KEY);
        }
        Optional<ActiveKey> key = apiKey.length() > MAX_API_KEY ? Optional.empty() : keys.apply(apiKey);
        if (key.isEmpty()) {
            return new Authentication.Refused(INVALID_API_KEY);
        }
        if (signature == null) {
            return new Authentication.Authenticated(new OrderClient(apiKey, key.get().organizationId(), false));
        }
        try {
            RequestSignature parsed = RequestSignature.parse(signature);
            Optional<String> secret = key.get().secret().get();
            if (secret.isEmpty()) {
                throw new SignatureRefusedException(RequestSignature.MISMATCH);
            }
            parsed.verify(apiKey, secret.get(), clock.instant());
        } catch (SignatureRefusedException e) {
            return new Authentication.Refused(e.getMessage());
        }
        return new Authentication.Authenticated(new OrderClient(apiKey, key.get().organizationId(), true));
    }
}
