package io.herald.orders.control;

import java.time.Instant;

/** The cluster's memory of accepted signatures: each may be claimed once. */
@FunctionalInterface
public interface SignatureLedger {

    /**
     * Records that {@code signature} (a lowercase hex HMAC) of {@code apiKey} is used now.
     *
     * @param keepUntil until when it must be remembered
     * @return {@code true} for the first claim; {@code false} if it was claimed before (a replay)
     */
    boolean claim(String apiKey, String signature, Instant keepUntil);
}
