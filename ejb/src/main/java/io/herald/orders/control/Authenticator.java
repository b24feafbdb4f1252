package io.herald.orders.control;

import io.herald.common.control.LogLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the credentials of a {@code connect} message or of a REST request: the API key must
 * exist and not be revoked; a signature, when present (or required), must be well formed, name the
 * same key, be within the {@link SignatureWindow} of the server's clock, carry the right HMAC and
 * not have been used before ({@link SignatureLedger}: each signature opens one connection or makes
 * one request, on whichever node).
 */
public final class Authenticator {

    public static final String MISSING_API_KEY = "missing api_key";
    public static final String INVALID_API_KEY = "invalid api_key";
    private static final int MAX_API_KEY = 64;
    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());
    private static final LogLimiter REPLAYS = new LogLimiter(LOG, Duration.ofMinutes(1));

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
    private final SignatureWindow window;
    private final SignatureLedger ledger;

    /**
     * @param keys finds an active (existing, not revoked) key by its {@code api_key}
     * @param ledger remembers accepted signatures; asked only about signatures that are otherwise valid
     */
    public Authenticator(Function<String, Optional<ActiveKey>> keys, Clock clock, SignatureWindow window, SignatureLedger ledger) {
        this.keys = keys;
        this.clock = clock;
        this.window = window;
        this.ledger = ledger;
    }

    /**
     * A {@code connect} message.
     *
     * @param apiKey the {@code api_key}; {@code null} or blank when missing
     * @param signature the {@code authorization_signature}; {@code null} for an API-key-only connect
     */
    public Authentication authenticate(String apiKey, String signature) {
        return check(apiKey, signature, signature != null, RequestSignature::stringToSign);
    }

    /**
     * A REST request.
     *
     * @param apiKey the {@code X-API-Key} header; {@code null} when missing
     * @param signature the {@code X-Authorization-Signature} header; {@code null} when missing
     * @param request what must be signed; {@code null} when the request needs the key only (any
     *     signature is then ignored)
     */
    public Authentication authenticateRequest(String apiKey, String signature, SignedRequest request) {
        if (request == null) {
            return check(apiKey, null, false, null);
        }
        return check(apiKey, signature, true, request::stringToSign);
    }

    private Authentication check(String apiKey, String signature, boolean signed, LongFunction<String> content) {
        if (apiKey == null || apiKey.isBlank()) {
            return new Authentication.Refused(MISSING_API_KEY);
        }
        Optional<ActiveKey> key = apiKey.length() > MAX_API_KEY ? Optional.empty() : keys.apply(apiKey);
        if (key.isEmpty()) {
            return new Authentication.Refused(INVALID_API_KEY);
        }
        OrderClient client = new OrderClient(apiKey, key.get().organizationId(), signed);
        if (!signed) {
            return new Authentication.Authenticated(client);
        }
        try {
            if (signature == null || signature.isBlank()) {
                throw new SignatureRefusedException(RequestSignature.MISSING);
            }
            RequestSignature parsed = RequestSignature.parse(signature);
            Optional<String> secret = key.get().secret().get();
            if (secret.isEmpty()) {
                throw new SignatureRefusedException(RequestSignature.MISMATCH);
            }
            Instant now = clock.instant();
            parsed.verify(apiKey, secret.get(), content, window, now);
            if (!ledger.claim(apiKey, parsed.signature(), window.keepUntil(parsed.timestamp()))) {
                REPLAYS.log(Level.WARNING, () -> "Refused a signature of API key " + apiKey + " that was used before (timestamp "
                        + parsed.timestamp() + "): a replay, or a client that signs two requests with the same timestamp");
                throw new SignatureRefusedException(RequestSignature.REPLAYED);
            }
        } catch (SignatureRefusedException e) {
            return new Authentication.Refused(e.getMessage());
        }
        return new Authentication.Authenticated(client);
    }
}
