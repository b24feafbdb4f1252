package io.herald.change.entity;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Computes which wire fields differ between two states of an entity. */
public final class ChangedFields {

    private ChangedFields() {
    }

    /**
     * The entries of {@code after} whose values differ from those in {@code before}, in the
     * order of {@code after}. Decimals are compared by value, so {@code 10.0} equals {@code 10.00}.
     */
    public static Map<String, Object> between(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!before.containsKey(field) || !sameValue(before.get(field), value)) {
                changed.put(field, value);
            }
        });
        return changed;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
