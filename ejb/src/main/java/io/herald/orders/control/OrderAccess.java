package io.herald.orders.control;

import io.herald.orders.entity.ApiKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Authentication of API customers (REST with {@code X-API-Key} and, where required,
 * {@code X-Authorization-Signature}; the socket's {@code connect} message) and the ownership
 * look-ups the subscription rules need.
 */
@Stateless
public class OrderAccess {

    private static final Logger LOG = Logger.getLogger(OrderAccess.class.getName());
    private static final int MAX_API_KEY = 64;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    SecretKeyring keyring;

    @Inject
    OrderBook orders;

    @Inject
    SignatureSettings signatures;

    @Inject
    UsedSignatures used;

    /** Checks a {@code connect} message's {@code api_key} and optional {@code authorization_signature}. */
    public Authentication authenticate(String apiKey, String signature) {
        return authenticator().authenticate(apiKey, signature);
    }

    /**
     * Checks a REST request's {@code X-API-Key} and, for a request that reaches the whole
     * organization while {@value SignatureSettings#REST_KEY} is on, its {@code X-Authorization-Signature}.
     *
     * @param request what the signature must cover; {@code null} for a request that needs the key only
     */
    public Authentication authenticateRequest(String apiKey, String signature, SignedRequest request) {
        return authenticator().authenticateRequest(apiKey, signature, signatures.restSignatureRequired() ? request : null);
    }

    /** Whether requests that reach the whole organization need a signature (the body is then read before the resource). */
    public boolean restSignatureRequired() {
        return signatures.restSignatureRequired();
    }

    /** The organization that owns an order, if the order exists. */
    public Optional<String> organizationOfOrder(String orderId) {
        return orders.organizationOf(orderId);
    }

    private Authenticator authenticator() {
        return new Authenticator(this::activeKey, Clock.systemUTC(), signatures.window(), used::claim);
    }

    private Optional<Authenticator.ActiveKey> activeKey(String apiKey) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > MAX_API_KEY) {
            return Optional.empty();
        }
        ApiKey key = em.find(ApiKey.class, apiKey);
        if (key == null || key.isRevoked()) {
            return Optional.empty();
        }
        String sealed = key.getSealedSecret();
        return Optional.of(new Authenticator.ActiveKey(key.getApiKey(), key.getOrganizationId(), () -> open(apiKey, sealed)));
    }

    private Optional<String> open(String apiKey, String sealed) {
        try {
            return Optional.of(keyring.box().open(apiKey, sealed));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "The secret of API key " + apiKey + " cannot be decrypted (" + e.getMessage()
                    + "); is herald.orders.secret-key the same on every node and the one it was created with?");
            return Optional.empty();
        }
    }
}
