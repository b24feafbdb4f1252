package io.herald.orders.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The signature settings of this node: the {@link SignatureWindow} and whether the REST calls that
 * reach the whole organization need a signature ({@value #REST_KEY}). A window out of range stops
 * the deployment (the message names the key). Every node must have the same values.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class SignatureSettings {

    public static final String REST_KEY = "herald.orders.rest-signature-required";
    private static final Logger LOG = Logger.getLogger(SignatureSettings.class.getName());

    @Inject
    @ConfigProperty(name = SignatureWindow.PAST_KEY, defaultValue = SignatureWindow.PAST_DEFAULT)
    long pastSeconds;

    @Inject
    @ConfigProperty(name = SignatureWindow.FUTURE_KEY, defaultValue = SignatureWindow.FUTURE_DEFAULT)
    long futureSeconds;

    @Inject
    @ConfigProperty(name = REST_KEY, defaultValue = "true")
    boolean restSignatureRequired;

    private SignatureWindow window;

    @PostConstruct
    void init() {
        window = new SignatureWindow(pastSeconds, futureSeconds);
        if (!restSignatureRequired) {
            LOG.warning(REST_KEY + "=false: GET /orders/api/orders and PATCH /orders/api/orders/{id} accept the X-API-Key alone, "
                    + "so whoever holds an api_key can list and change every order of its organization");
        }
    }

    public SignatureWindow window() {
        return window;
    }

    /** Whether listing and changing orders over REST needs {@code X-Authorization-Signature}. */
    public boolean restSignatureRequired() {
        return restSignatureRequired;
    }
}
