package io.herald.commerce.control;

import io.herald.auth.control.LoginLimits;
import io.herald.auth.control.LoginThrottle;
import io.herald.commerce.entity.BackOfficeUser;
import io.herald.common.control.LogLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The back office's password sign-in with its guessing limit ({@link LoginThrottle}, the keys
 * {@code herald.login.*}): per client address and per account (the e-mail address as the user
 * typed it, compared case-insensitively, whether or not such a user exists).
 */
@ApplicationScoped
public class CommerceSignIn {

    private static final Logger LOG = Logger.getLogger(CommerceSignIn.class.getName());
    private static final LogLimiter LOCKED = new LogLimiter(LOG, Duration.ofMinutes(1));

    /** What a sign-in came to. */
    public sealed interface Outcome {
        record SignedIn(BackOfficeUser user) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record TooManyAttempts(long retryAfterSeconds) implements Outcome {
        }
    }

    @Inject
    BackOffice backOffice;

    @Inject
    LoginLimits limits;

    private LoginThrottle throttle;

    @PostConstruct
    void start() {
        throttle = limits.newThrottle();
    }

    /** Checks {@code email} and {@code password} from {@code address} (the client's IP). */
    public Outcome signIn(String email, String password, String address, long nowMillis) {
        String account = email == null ? "" : BackOfficeUser.normalize(email);
        long wait = throttle.attempt(account, address, nowMillis);
        if (wait > 0) {
            return new Outcome.TooManyAttempts(wait);
        }
        Optional<BackOfficeUser> user = backOffice.authenticate(email, password);
        if (user.isPresent()) {
            throttle.succeeded(account, address);
            return new Outcome.SignedIn(user.get());
        }
        if (throttle.accountLocked(account, nowMillis)) {
            LOCKED.log(Level.WARNING, () -> "Commerce sign-in locked for an account for " + throttle.limits().windowMillis() / 1000
                    + " s after " + throttle.limits().perAccount() + " failed attempts");
        }
        return new Outcome.Refused();
    }
}
