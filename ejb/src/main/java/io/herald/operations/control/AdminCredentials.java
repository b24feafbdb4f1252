package io.herald.operations.control;

import io.herald.auth.control.LoginLimits;
import io.herald.auth.control.LoginThrottle;
import io.herald.common.control.DemoMode;
import io.herald.common.control.LogLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin page's sign-in: one administrator, {@code herald.admin.user}, whose password is kept
 * only as a Jakarta Security PBKDF2 hash ({@code herald.admin.password-hash}, in the format of
 * {@link Pbkdf2PasswordHash}: {@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>}, which
 * {@code java -jar herald.jar hash-password} prints). Without a hash the sign-in is closed, except
 * in demo mode ({@code herald.demo.enabled}), where the password is {@value #DEMO_PASSWORD}.
 * Failed attempts are limited per client address and for the account ({@link LoginThrottle}, the
 * keys {@code herald.login.*}); a locked account can still be used with an admin token.
 */
@ApplicationScoped
public class AdminCredentials {

    static final String DEMO_PASSWORD = "admin";
    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());
    private static final LogLimiter LOCKED = new LogLimiter(LOG, Duration.ofMinutes(1));

    /** The outcome of a sign-in. */
    public enum Outcome { SIGNED_IN, REFUSED, TOO_MANY_ATTEMPTS, CLOSED }

    /** An outcome, and for {@link Outcome#TOO_MANY_ATTEMPTS} the seconds to wait (otherwise 0). */
    public record SignIn(Outcome outcome, long retryAfterSeconds) {
        static SignIn of(Outcome outcome) {
            return new SignIn(outcome, 0);
        }
    }

    @Inject
    @ConfigProperty(name = "herald.admin.user", defaultValue = "admin")
    String user;

    @Inject
    @ConfigProperty(name = "herald.admin.password-hash")
    Optional<String> passwordHash;

    @Inject
    @ConfigProperty(name = DemoMode.ENABLED, defaultValue = DemoMode.DEFAULT)
    boolean demo;

    @Inject
    Pbkdf2PasswordHash hashes;

    @Inject
    LoginLimits limits;

    private LoginThrottle throttle;
    /** The hash a sign-in is checked against: the configured one, the demo password's, or {@code null} (closed). */
    private String hash;

    /** Created at start, so that the demo sign-in's warning is in the start-up log, not at the first sign-in. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean is the point: @PostConstruct says which sign-in is open
    }

    @PostConstruct
    void start() {
        throttle = limits.newThrottle();
        hash = passwordHash.filter(h -> !h.isBlank()).orElse(null);
        if (hash == null) {
            if (demo) {
                hash = hashes.generate(DEMO_PASSWORD.toCharArray());
                LOG.warning("The admin page accepts the demo sign-in " + user + "/" + DEMO_PASSWORD
                        + ": set herald.admin.password-hash (java -jar herald.jar hash-password) for real use");
            } else {
                LOG.info("The admin page's sign-in is closed (no herald.admin.password-hash); admin tokens (group admin) still work");
            }
        }
    }

    /** The administrator's name. */
    public String user() {
        return user;
    }

    /** Whether a password sign-in is possible at all. */
    public boolean open() {
        return hash != null;
    }

    /** Checks a sign-in from {@code address} (the client's IP). */
    public SignIn signIn(String name, String password, String address, long nowMillis) {
        if (!open()) {
            return SignIn.of(Outcome.CLOSED);
        }
        // one account: every attempt counts against it, whatever name was typed
        long wait = throttle.attempt(user, address, nowMillis);
        if (wait > 0) {
            return new SignIn(Outcome.TOO_MANY_ATTEMPTS, wait);
        }
        boolean nameMatches = name != null && MessageDigest.isEqual(name.getBytes(StandardCharsets.UTF_8), user.getBytes(StandardCharsets.UTF_8));
        boolean ok;
        try {
            ok = password != null && hashes.verify(password.toCharArray(), hash) && nameMatches;
        } catch (RuntimeException e) {
            LOG.warning("herald.admin.password-hash is not a PBKDF2 hash in Jakarta Security's format: " + e.getMessage());
            ok = false;
        }
        if (ok) {
            throttle.succeeded(user, address);
            return SignIn.of(Outcome.SIGNED_IN);
        }
        if (throttle.accountLocked(user, nowMillis)) {
            LOCKED.log(Level.WARNING, () -> "The admin sign-in of " + user + " is locked for "
                    + throttle.limits().windowMillis() / 1000 + " s after " + throttle.limits().perAccount()
                    + " failed attempts; admin tokens (group admin) still work");
        }
        return SignIn.of(Outcome.REFUSED);
    }
}
