package io.herald.common.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequencedRingTest {

    private record Item(long seq, String name) {
    }

    @Test
    void keepsTheLastCapacityValuesByNumber() {
        SequencedRing<Item> ring = new SequencedRing<>(3, Item::seq);
        assertEquals(0, ring.last());
        assertEquals(List.of(), ring.range(1, 10));
        for (String name : List.of("a", "b", "c", "d", "e")) {
            ring.add(seq -> new Item(seq, name));
        }
        assertEquals(5, ring.last());
        assertEquals(List.of(new Item(3, "c"), new Item(4, "d"), new Item(5, "e")), ring.range(1, 5), "the oldest two are gone");
        assertEquals(List.of(new Item(4, "d")), ring.range(4, 4));
        assertEquals(Optional.empty(), ring.get(2), "taken over by 5");
        assertEquals(Optional.of(new Item(5, "e")), ring.get(5));
        assertEquals(Optional.empty(), ring.get(6), "not added yet");
        assertEquals(Optional.empty(), ring.get(0));
    }
}
