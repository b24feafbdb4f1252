package io.herald.operations.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin page's sign-in: one administrator, {@code herald.admin.user}, whose password is kept
 * only as a Jakarta Security PBKDF2 hash ({@code herald.admin.password-hash}, in the format of
 * {@link Pbkdf2PasswordHash}: {@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>}, which
 * {@code java -jar herald.jar hash-password} prints). Without a hash the sign-in is closed, except
 * in demo mode ({@code herald.demo.enabled}), where the password is {@value #DEMO_PASSWORD}.
 * Failed attempts are limited per client address: after {@value #MAX_FAILURES} in
 * {@value #FAILURE_WINDOW_MS} ms that address must wait for the window to end.
 */
@ApplicationScoped
public class AdminCredentials {

    static final String DEMO_PASSWORD = "admin";
    static final int MAX_FAILURES = 10;
    static final long FAILURE_WINDOW_MS = 5 * 60_000;
    /** Addresses tracked at most; beyond this the oldest windows are dropped. */
    static final int MAX_TRACKED = 10_000;
    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());

    /** The outcome of a sign-in. */
    public enum Outcome { SIGNED_IN, REFUSED, TOO_MANY_ATTEMPTS, CLOSED }

    @Inject
    @ConfigProperty(name = "herald.admin.user", defaultValue = "admin")
    String user;

    @Inject
    @ConfigProperty(name = "herald.admin.password-hash")
    Optional<String> passwordHash;

    @Inject
    @ConfigProperty(name = "herald.demo.enabled", defaultValue = "true")
    boolean demo;

    @Inject
    Pbkdf2PasswordHash hashes;

    private final Map<String, long[]> failures = new ConcurrentHashMap<>();
    /** The hash a sign-in is checked against: the configured one, the demo password's, or {@code null} (closed). */
    private String hash;

    @PostConstruct
    void start() {
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
    public Outcome signIn(String name, String password, String address, long nowMillis) {
        if (!open()) {
            return Outcome.CLOSED;
        }
        long[] window = failures.get(address);
        if (window != null && nowMillis - window[0] < FAILURE_WINDOW_MS && window[1] >= MAX_FAILURES) {
            return Outcome.TOO_MANY_ATTEMPTS;
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
            failures.remove(address);
            return Outcome.SIGNED_IN;
        }
        failed(address, nowMillis);
        return Outcome.REFUSED;
    }

    private void failed(String address, long nowMillis) {
        if (failures.size() >= MAX_TRACKED) {
            for (Iterator<long[]> it = failures.values().iterator(); it.hasNext(); ) {
                if (nowMillis - it.next()[0] >= FAILURE_WINDOW_MS) {
                    it.remove();
                }
            }
            if (failures.size() >= MAX_TRACKED) {
                failures.clear();
            }
        }
        failures.compute(address, (a, w) -> {
            if (w == null || nowMillis - w[0] >= FAILURE_WINDOW_MS) {
                return new long[] {nowMillis, 1};
            }
            return new long[] {w[0], w[1] + 1};
        });
    }
}
