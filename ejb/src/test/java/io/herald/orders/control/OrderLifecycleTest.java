package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.common.control.ConflictException;
import io.herald.common.control.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderLifecycleTest {

    @ParameterizedTest
    @CsvSource({"pending,processing", "pending,cancelled", "processing,shipped", "processing,cancelled", "shipped,delivered"})
    void allowedChanges(String from, String to) {
        assertTrue(OrderLifecycle.check(from, to));
    }

    @ParameterizedTest
    @CsvSource({"pending,shipped", "pending,delivered", "processing,pending", "processing,delivered", "shipped,cancelled",
        "shipped,pending", "delivered,cancelled", "delivered,pending", "cancelled,pending", "cancelled,processing"})
    void illegalChangesConflict(String from, String to) {
        ConflictException e = assertThrows(ConflictException.class, () -> OrderLifecycle.check(from, to));
        assertEquals("Cannot change status from " + from + " to " + to, e.getMessage());
    }

    @Test
    void theSameStatusAgainChangesNothing() {
        for (String status : OrderLifecycle.STATUSES) {
            assertFalse(OrderLifecycle.check(status, status), status);
        }
    }

    @Test
    void unknownStatusesAreInvalidInput() {
        for (String status : new String[] {"completed", "PENDING", "", null}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> OrderLifecycle.check("pending", status));
            assertEquals("status must be one of pending, processing, shipped, delivered, cancelled", e.getMessage());
        }
    }

    @Test
    void deliveredAndCancelledAreFinal() {
        assertEquals(Set.of(), OrderLifecycle.next("delivered"));
        assertEquals(Set.of(), OrderLifecycle.next("cancelled"));
        assertEquals(List.of("pending", "processing", "shipped", "delivered", "cancelled"), OrderLifecycle.STATUSES);
    }
}
