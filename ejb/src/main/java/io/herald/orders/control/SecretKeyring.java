package io.herald.orders.control;

import io.herald.common.control.DemoMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link SecretBox} for API-key secrets, with the key-encryption key from
 * {@code herald.orders.secret-key} (Base64 of 32 bytes, the same on every node). Without it the
 * built-in development key is used and a warning is logged at start. A value that is not Base64
 * of 32 bytes stops the deployment: secrets sealed with a wrong key could never be opened.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class SecretKeyring {

    public static final String CONFIG_KEY = "herald.orders.secret-key";
    private static final Logger LOG = Logger.getLogger(SecretKeyring.class.getName());

    @Inject
    @ConfigProperty(name = CONFIG_KEY)
    Optional<String> configuredKey;

    /** In demo mode the development key is expected (so is everything else public there): said, not warned. */
    @Inject
    @ConfigProperty(name = DemoMode.ENABLED, defaultValue = DemoMode.DEFAULT)
    boolean demo;

    private SecretBox box;

    @PostConstruct
    void init() {
        Optional<String> key = configuredKey.filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            LOG.log(demo ? Level.INFO : Level.WARNING, CONFIG_KEY + " is not set: API-key secrets are encrypted with the built-in development key. "
                    + "Set " + CONFIG_KEY + " in production, the same on every node (Base64 of 32 random bytes, e.g. openssl rand -base64 32)");
            box = SecretBox.development();
            return;
        }
        try {
            box = SecretBox.ofBase64(key.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(CONFIG_KEY + " must be the Base64 encoding of 32 bytes: " + e.getMessage(), e);
        }
    }

    public SecretBox box() {
        return box;
    }
}
