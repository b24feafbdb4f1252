package io.herald.pos.control;

import io.herald.auth.control.VerifiedToken;
import io.herald.pos.entity.PosMember;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may notify whom. A sender with the group {@value PosFilter#ADMIN} or every location
 * ({@value PosFilter#ALL_LOCATIONS}) may notify any user. A sender limited to some locations may
 * notify only a user of one of them (of the notification's {@code location_id} when it names one):
 * a user whose own token, when they last connected to {@code /pos/v1/ws}, granted that location,
 * every location, or the group {@value PosFilter#ADMIN}. Herald has no user directory; the tokens
 * users connect with are what it knows of them, recorded cluster-wide in the database.
 */
@Stateless
public class PosMembers {

    /** The most locations recorded for one user (a token's claim beyond that is recorded as far as this). */
    static final int MAX_RECORDED = 200;
    /** The longest user id a notification may name (and so the longest one worth recording). */
    public static final int MAX_USER_ID = 255;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    /**
     * The locations the recipient must be a user of for {@code sender} to notify them, or empty
     * when the sender may notify anyone.
     *
     * @param location the notification's {@code location_id} ({@code null}: none), which the
     *        sender may use (checked before)
     */
    public static Optional<Set<String>> requiredLocations(VerifiedToken sender, String location) {
        if (sender.hasGroup(PosFilter.ADMIN) || sender.locations().contains(PosFilter.ALL_LOCATIONS)) {
            return Optional.empty();
        }
        return Optional.of(location != null ? Set.of(location) : Set.copyOf(sender.locations()));
    }

    /** The locations {@code token} makes its user a user of, as recorded ({@value PosFilter#ALL_LOCATIONS} for every one). */
    static Set<String> locationsOf(VerifiedToken token) {
        if (token.hasGroup(PosFilter.ADMIN) || token.locations().contains(PosFilter.ALL_LOCATIONS)) {
            return Set.of(PosFilter.ALL_LOCATIONS);
        }
        Set<String> locations = new LinkedHashSet<>();
        for (String l : token.locations()) {
            if (!l.isBlank() && l.length() <= PosFilter.MAX_TEXT && locations.size() < MAX_RECORDED) {
                locations.add(l);
            }
        }
        return locations;
    }

    /** Whether {@code sender} may notify {@code recipient} (with {@code location}, or none). */
    public boolean mayNotify(VerifiedToken sender, String recipient, String location) {
        Optional<Set<String>> required = requiredLocations(sender, location);
        if (required.isEmpty()) {
            return true;
        }
        if (required.get().isEmpty()) {
            return false;
        }
        Set<String> any = new HashSet<>(required.get());
        any.add(PosFilter.ALL_LOCATIONS);
        return em.createNamedQuery("PosMember.countIn", Long.class)
                .setParameter("user", recipient).setParameter("locations", any).getSingleResult() > 0;
    }

    /** Records what the token of a connecting user says (writes only when it changed since the last time). */
    public void record(VerifiedToken token) {
        String user = token.subject();
        if (user == null || user.isBlank() || user.length() > MAX_USER_ID) {
            return;
        }
        Set<String> wanted = locationsOf(token);
        Set<String> have = new HashSet<>();
        long now = Instant.now().toEpochMilli();
        for (PosMember m : em.createNamedQuery("PosMember.ofUser", PosMember.class).setParameter("user", user).getResultList()) {
            if (wanted.contains(m.getLocationId())) {
                have.add(m.getLocationId());
            } else {
                em.remove(m);
            }
        }
        for (String location : wanted) {
            if (!have.contains(location)) {
                em.persist(new PosMember(user, location, now));
            }
        }
    }
}
