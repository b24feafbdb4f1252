package io.herald.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminCredentialsTest {

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
        c.start();
        return c;
    }

    @Test
    void aConfiguredHashIsTheOnlyPassword() {
        AdminCredentials c = credentials("hash:s3cret", true);
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, c.signIn("admin", "s3cret", "10.0.0.1", 0));
        assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn("admin", "admin", "10.0.0.1", 0), "no demo password beside a hash");
        assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn("root", "s3cret", "10.0.0.1", 0));
        assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn(null, null, "10.0.0.1", 0));
    }

    @Test
    void demoModeWithoutAHashAcceptsTheDemoPasswordAndOtherwiseTheSignInIsClosed() {
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, credentials(null, true).signIn("admin", "admin", "a", 0));
        AdminCredentials closed = credentials(" ", false);
        assertFalse(closed.open());
        assertEquals(AdminCredentials.Outcome.CLOSED, closed.signIn("admin", "admin", "a", 0));
    }

    @Test
    void tooManyFailuresFromOneAddressWaitForTheWindow() {
        AdminCredentials c = credentials("hash:s3cret", false);
        for (int i = 0; i < AdminCredentials.MAX_FAILURES; i++) {
            assertEquals(AdminCredentials.Outcome.REFUSED, c.signIn("admin", "guess" + i, "10.0.0.9", 1000));
        }
        assertEquals(AdminCredentials.Outcome.TOO_MANY_ATTEMPTS, c.signIn("admin", "s3cret", "10.0.0.9", 2000));
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, c.signIn("admin", "s3cret", "10.0.0.8", 2000), "another address is not held up");
        assertEquals(AdminCredentials.Outcome.SIGNED_IN, c.signIn("admin", "s3cret", "10.0.0.9", 1000 + AdminCredentials.FAILURE_WINDOW_MS));
    }

    @Test
    void aMalformedHashRefusesInsteadOfFailing() {
        assertEquals(AdminCredentials.Outcome.REFUSED, credentials("not-a-hash", false).signIn("admin", "x", "a", 0));
    }
}
