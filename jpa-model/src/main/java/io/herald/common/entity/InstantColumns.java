package io.herald.common.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@code Instant} attribute as a timestamp with time zone (UTC). JPA 3.1 maps
 * {@code OffsetDateTime} but not {@code Instant}, and without this EclipseLink wrote Java-serialized
 * bytes ({@code bytea} on PostgreSQL) that no SQL, report or other tool can read.
 */
@Converter(autoApply = true)
public class InstantColumns implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
