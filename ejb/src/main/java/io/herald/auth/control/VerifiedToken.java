package io.herald.auth.control;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A JWT that passed verification: who it names and what it allows.
 *
 * @param subject the {@code sub} claim, Herald's user id
 * @param groups the {@code groups} claim, used as roles
 * @param expiresAt the {@code exp} claim
 * @param locations the {@code locations} claim (point-of-sale locations the user may see; {@code "*"} for all)
 * @param adminLevel the {@code admin_level} claim (trading admin rooms), {@code 0} when absent
 */
public record VerifiedToken(String subject, Set<String> groups, Instant expiresAt, Set<String> locations, int adminLevel) implements Principal {

    /** The highest {@code admin_level} a token may carry (levels run from 1). */
    public static final int MAX_ADMIN_LEVEL = 100;

    public VerifiedToken {
        Objects.requireNonNull(subject, "subject");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(expiresAt, "expiresAt");
        locations = Set.copyOf(locations);
    }

    public VerifiedToken(String subject, Set<String> groups, Instant expiresAt, Set<String> locations) {
        this(subject, groups, expiresAt, locations, 0);
    }

    public VerifiedToken(String subject, Set<String> groups, Instant expiresAt) {
        this(subject, groups, expiresAt, Set.of(), 0);
    }

    /** The subject, so that {@code getUserPrincipal().getName()} is the user id. */
    @Override
    public String getName() {
        return subject;
    }

    public boolean hasGroup(String group) {
        return groups.contains(group);
    }
}
