package io.herald.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.herald.auth.control.LoginLimits;
import io.herald.auth.control.LoginThrottle;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminCredentialsTest {

    private static final int MAX_FAILURES = 10;
    private static final long WINDOW_MS = 300_000;

    /** The platform's hash stands in as "hash:" + password: this test is about the rules around it. */
    static final class PlainHash implements Pbkdf2PasswordHash {
        @Override
        public String generate(char[] password) {
            return "hash:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashed) {
            if (!hashed.startsWith("hash:")) {
                throw new IllegalArgumentException("Bad hash encoding");
            }
            return hashed.equals(generate(password));
        }

        @Override
        public void initialize(Map<String, String> parameters) {
        }
    }

    private static AdminCredentials credentials(String hash, boolean demo) {
        AdminCredentials c = new AdminCredentials();
        c.user = "admin";
        c.passwordHash = Optional.ofNullable(hash);
        c.demo = demo;
        c.hashes = new PlainHash();
        c.limits = new LoginLimits() {
            @Override
            public LoginThrottle newThrottle() {
                return new LoginThrottle(new LoginThrottle.Limits(MAX_FAILURES, 2 * MAX_FAILURES, WINDOW_MS, 100));
            }
        };
        c.start();
        return c;
    }

    @Test
    void aConfiguredHashIsTheOnlyPassword() {
        AdminCredentials c = credentials("hash:s3cret", true);
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, c.signIn("admin", "s3cret", "10.0.0.1", 0).outcome());
        assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn("admin", "admin", "10.0.0.1", 0).outcome(), "no demo password beside a hash");
        assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn("root", "s3cret", "10.0.0.1", 0).outcome());
        assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn(null, null, "10.0.0.1", 0).outcome());
    }

    @Test
    void demoModeWithoutAHashAcceptsTheDemoPasswordAndOtherwiseTheSignInIsClosed() {
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, credentials(null, true).signIn("admin", "admin", "a", 0).outcome());
        AdminCredentials closed = credentials(" ", false);
        assertFalse(closed.open());
        assertEquals(AdminCredentials.Outcome.CLOSED, closed.signIn("admin", "admin", "a", 0).outcome());
    }

    @Test
    void tooManyFailuresFromOneAddressWaitForTheWindow() {
        AdminCredentials c = credentials("hash:s3cret", false);
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn("admin", "guess" + i, "10.0.0.9", 1000).outcome());
        }
        assertEquals(AdminCredentials.Outcome.TOO_MANY_ATTEMPTS, c.signIn("admin", "s3cret", "10.0.0.9", 2000).outcome());
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, c.signIn("admin", "s3cret", "10.0.0.8", 2000).outcome(), "another address is not held up");
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, c.signIn("admin", "s3cret", "10.0.0.9", 1000 + WINDOW_MS).outcome());
    }

    @Test
    void theAccountLocksAcrossAddressesAndSaysHowLongToWait() {
        AdminCredentials c = credentials("hash:s3cret", false);
        for (int i = 0; i < 2 * MAX_FAILURES; i++) {
            assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn("admin", "guess", "10.0.1." + i, 1000).outcome());
        }
        AdminCredentials.SignIn locked = c.signIn("admin", "s3cret", "10.0.2.1", 61_000);
        assertEquals(AdminCredentials.Outcome.TOO_MANY_ATTEMPTS, locked.outcome());
        assertEquals(240, locked.retryAfterSeconds());
        assertEquals(AdminCredentials.Outcome.TOO_MANY_ATTEMPTS, c.signIn("root", "x", "10.0.2.2", 61_000).outcome(),
                "the typed name does not dodge the account's count");
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, c.signIn("admin", "s3cret", "10.0.2.1", 1000 + WINDOW_MS).outcome());
    }

    @Test
    void aMalformedHashRefusesInsteadOfFailing() {
        assertEquals(AdminCredentials.Outcome.REFUSED, credentials("not-a-hash", false).signIn("admin", "x", "a", 0).outcome());
    }
}
