package io.herald.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecentIdsTest {

    @Test
    void anIdIsNewOnlyTheFirstTime() {
        RecentIds cut = new RecentIds(10);

        assertTrue(cut.firstSighting(1));
        assertFalse(cut.firstSighting(1));
        assertTrue(cut.firstSighting(2));
        assertFalse(cut.firstSighting(2));
        assertFalse(cut.firstSighting(1));
    }

    @Test
    void theOldestIdIsForgottenBeyondCapacity() {
        RecentIds cut = new RecentIds(3);
        cut.firstSighting(1);
        cut.firstSighting(2);
        cut.firstSighting(3);
        cut.firstSighting(4);

        // 2, 3 and 4 are remembered; 1 is not
        assertFalse(cut.firstSighting(4));
        assertFalse(cut.firstSighting(3));
        assertFalse(cut.firstSighting(2));
        assertTrue(cut.firstSighting(1));
    }

    @Test
    void seeingAnIdAgainDoesNotRefreshIt() {
        // insertion order: a duplicate does not make an id young again
        RecentIds cut = new RecentIds(2);
        cut.firstSighting(1);
        cut.firstSighting(2);
        cut.firstSighting(1);
        cut.firstSighting(3);

        assertTrue(cut.firstSighting(1));
    }

    @Test
    void capacityOneRemembersTheLastIdOnly() {
        RecentIds cut = new RecentIds(1);
        assertTrue(cut.firstSighting(1));
        assertFalse(cut.firstSighting(1));
        assertTrue(cut.firstSighting(2));
        assertTrue(cut.firstSighting(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void capacityBelowOneIsRejected(int capacity) {
        var e = assertThrows(IllegalArgumentException.class, () -> new RecentIds(capacity));
        assertEquals("capacity must be positive", e.getMessage());
    }
}
