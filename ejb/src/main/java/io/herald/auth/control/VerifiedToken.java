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
 */
public record VerifiedToken(String subject, Set<String> groups, Instant expiresAt) implements Principal {

    public VerifiedToken {
        Objects.requireNonNull(subject, "subject");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(expiresAt, "expiresAt");
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
