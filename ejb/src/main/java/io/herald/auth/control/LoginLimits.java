package io.herald.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured guessing limits of every password sign-in (admin page, commerce back office);
 * each sign-in keeps its own {@link LoginThrottle} built from them.
 */
@ApplicationScoped
public class LoginLimits {

    public static final String PER_ADDRESS = "herald.login.max-failures-per-address";
    public static final String PER_ACCOUNT = "herald.login.max-failures-per-account";
    public static final String WINDOW_SECONDS = "herald.login.window-seconds";
    public static final String TRACKED = "herald.login.tracked";

    @Inject
    @ConfigProperty(name = PER_ADDRESS, defaultValue = "10")
    int perAddress;

    @Inject
    @ConfigProperty(name = PER_ACCOUNT, defaultValue = "20")
    int perAccount;

    @Inject
    @ConfigProperty(name = WINDOW_SECONDS, defaultValue = "300")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = TRACKED, defaultValue = "10000")
    int tracked;

    /** A new throttle (one per sign-in) with the configured limits. */
    public LoginThrottle newThrottle() {
        return new LoginThrottle(new LoginThrottle.Limits(perAddress, perAccount, windowSeconds * 1000, tracked));
    }
}
