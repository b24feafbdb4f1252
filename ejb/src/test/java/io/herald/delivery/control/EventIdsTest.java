package io.herald.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void anIdIsTheEpochAndTheLogIdAndReadsBack() {
        assertEquals("3f9a0c1d7e42.1042", EventIds.wire("3f9a0c1d7e42", 1042));
        assertEquals(Optional.of(new EventIds.Point("3f9a0c1d7e42", 1042)), EventIds.parse("3f9a0c1d7e42.1042"));
    }

    @Test
    void anIdCarriesItsResumePointAndTheOpenIdsBelowIt() {
        assertEquals("ep.1040r1042", EventIds.wire("ep", 1040, 1042, List.of()));
        assertEquals("ep.1045h1043h1044", EventIds.wire("ep", 1045, 1045, List.of(1043L, 1044L)));
        assertEquals("ep.1045", EventIds.wire("ep", 1045, 1045, List.of()));
        assertEquals(Optional.of(new EventIds.Point("ep", 1040, 1042, List.of(1041L))), EventIds.parse("ep.1040r1042h1041"));
        assertEquals(Optional.of(new EventIds.Point("ep", 1045, 1045, List.of(1043L, 1044L))), EventIds.parse("ep.1045h1043h1044"));
    }

    @Test
    void anythingElseIsNotAnId() {
        for (String text : new String[] {null, "", "1042", ".1042", "abc.", "abc.x", "abc.-1", "abc.99999999999999999999",
                "a".repeat(260) + ".1234", "ep.5h5", "ep.5h7", "ep.5r", "ep.5x", "ep.5h", "ep.5h1h2h3h4h1h2h3h4h1", "ep.1.2", "ep.5 "}) {
            assertTrue(EventIds.parse(text).isEmpty(), String.valueOf(text));
        }
    }
}
