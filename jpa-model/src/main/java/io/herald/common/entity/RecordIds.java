package io.herald.common.entity;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Ids of records that are created by a request: a readable prefix and 48 random bits as 12 hex digits ({@code ord-1f0a…}). */
public final class RecordIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordIds() {
    }

    /** @param prefix with its separator, e.g. {@code "ord-"} or {@code "alert_"} */
    public static String next(String prefix) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
