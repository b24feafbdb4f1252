package io.herald.common.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InstantColumnsTest {

    private final InstantColumns cut = new InstantColumns();

    @Test
    void anInstantIsStoredInUtcAndReadBackUnchanged() {
        Instant at = Instant.parse("2026-11-24T07:30:00.123456Z");
        OffsetDateTime column = cut.convertToDatabaseColumn(at);
        assertEquals(ZoneOffset.UTC, column.getOffset());
        assertEquals(at, cut.convertToEntityAttribute(column));
        assertEquals(at, cut.convertToEntityAttribute(OffsetDateTime.parse("2026-11-24T08:30:00.123456+01:00")), "any offset");
        assertNull(cut.convertToDatabaseColumn(null));
        assertNull(cut.convertToEntityAttribute(null));
    }
}
