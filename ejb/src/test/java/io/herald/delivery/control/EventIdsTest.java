package io.herald.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void anIdIsTheEpochAndTheLogIdAndReadsBack() {
        assertEquals("3f9a0c1d7e42.1042", EventIds.wire("3f9a0c1d7e42", 1042));
        assertEquals(Optional.of(new EventIds.Point("3f9a0c1d7e42", 1042)), EventIds.parse("3f9a0c1d7e42.1042"));
    }

    @Test
    void anythingElseIsNotAnId() {
        for (String text : new String[] {null, "", "1042", ".1042", "abc.", "abc.x", "abc.-1", "abc.99999999999999999999", "a".repeat(60) + ".1234"}) {
            assertTrue(EventIds.parse(text).isEmpty(), String.valueOf(text));
        }
    }
}
