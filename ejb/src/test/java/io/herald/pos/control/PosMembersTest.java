package io.herald.pos.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.auth.control.VerifiedToken;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a point-of-sale user may notify, and what a connecting user's token makes them a user of. */
class PosMembersTest {

    private static VerifiedToken token(Set<String> groups, Set<String> locations) {
        return new VerifiedToken("u", groups, Instant.now().plusSeconds(60), locations);
    }

    private static final VerifiedToken CASHIER = token(Set.of("pos.write"), Set.of("loc-a", "loc-b"));

    @Test
    void aSenderLimitedToLocationsNotifiesOnlyUsersOfThem() {
        assertEquals(Optional.of(Set.of("loc-a", "loc-b")), PosMembers.requiredLocations(CASHIER, null));
        assertEquals(Optional.of(Set.of("loc-b")), PosMembers.requiredLocations(CASHIER, "loc-b"), "the notification's location");
        assertEquals(Optional.of(Set.of()), PosMembers.requiredLocations(token(Set.of("pos.write"), Set.of()), null), "no location: nobody");
    }

    @Test
    void administratorsAndManagersOfEveryLocationNotifyAnyone() {
        assertEquals(Optional.empty(), PosMembers.requiredLocations(token(Set.of("admin"), Set.of()), null));
        assertEquals(Optional.empty(), PosMembers.requiredLocations(token(Set.of("pos.write"), Set.of("*")), "loc-a"));
    }

    @Test
    void aConnectingUserIsAUserOfTheLocationsOfTheirToken() {
        assertEquals(Set.of("loc-a", "loc-b"), PosMembers.locationsOf(CASHIER));
        assertEquals(Set.of("*"), PosMembers.locationsOf(token(Set.of("orders.read"), Set.of("loc-a", "*"))));
        assertEquals(Set.of("*"), PosMembers.locationsOf(token(Set.of("admin"), Set.of())));
        assertEquals(Set.of("loc-a"), PosMembers.locationsOf(token(Set.of(), Set.of("loc-a", "x".repeat(PosFilter.MAX_TEXT + 1), " "))),
                "ids no notification could name are not recorded");
    }
}
