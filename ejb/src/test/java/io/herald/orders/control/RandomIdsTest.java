package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void formats() {
        assertTrue(RandomIds.orderId().matches("ord_[0-9A-Za-z]{20}"));
        assertTrue(RandomIds.apiKey().matches("ak_[0-9A-Za-z]{24}"));
        assertTrue(RandomIds.secret().matches("sk_[0-9A-Za-z]{32}"));
    }

    @Test
    void noRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(RandomIds.orderId());
        }
        assertEquals(10_000, seen.size());
    }
}
