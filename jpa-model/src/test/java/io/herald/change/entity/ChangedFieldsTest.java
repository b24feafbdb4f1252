package io.herald.change.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangedFieldsTest {

    private static Map<String, Object> state(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void namesOnlyTheFieldsThatChangedWithTheirNewValues() {
        var before = state("id", 1L, "status", "pending", "payment_status", "pending", "total", new BigDecimal("99.99"));
        var after = state("id", 1L, "status", "processing", "payment_status", "paid", "total", new BigDecimal("99.99"));

        var changed = ChangedFields.between(before, after);

        assertEquals(state("status", "processing", "payment_status", "paid"), changed);
        assertEquals(List.of("status", "payment_status"), List.copyOf(changed.keySet()));
    }

    @Test
    void decimalsAreComparedByValueNotScale() {
        var changed = ChangedFields.between(state("price", new BigDecimal("10.0")), state("price", new BigDecimal("10.00")));
        assertTrue(changed.isEmpty());
    }

    @Test
    void changesToAndFromNullCount() {
        assertEquals(state("carrier", "UPS"), ChangedFields.between(state("carrier", null), state("carrier", "UPS")));
        var cleared = ChangedFields.between(state("carrier", "UPS"), state("carrier", null));
        assertEquals(1, cleared.size());
        assertTrue(cleared.containsKey("carrier"));
    }

    @Test
    void nothingChangedGivesAnEmptyMap() {
        assertTrue(ChangedFields.between(state("id", 5L, "sku", "A"), state("id", 5L, "sku", "A")).isEmpty());
    }
}
