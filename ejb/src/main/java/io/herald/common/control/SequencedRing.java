package io.herald.common.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The last {@code capacity} values added, each numbered from 1 in the order it was added (the
 * number is part of the value: {@code seqOf} reads it back). Adding is an increment and an array
 * write, no lock; a reader skips slots a newer value has taken over since.
 */
public final class SequencedRing<T> {

    private final AtomicReferenceArray<T> slots;
    private final AtomicLong last = new AtomicLong();
    private final ToLongFunction<T> seqOf;

    public SequencedRing(int capacity, ToLongFunction<T> seqOf) {
        this.slots = new AtomicReferenceArray<>(capacity);
        this.seqOf = seqOf;
    }

    /** Adds the value {@code make} builds for the next number. @return that number */
    public long add(LongFunction<T> make) {
        long seq = last.incrementAndGet();
        slots.set(index(seq), make.apply(seq));
        return seq;
    }

    /** The number of the newest value, {@code 0} before the first. */
    public long last() {
        return last.get();
    }

    public int capacity() {
        return slots.length();
    }

    /** The value numbered {@code seq}, while it is still kept. */
    public Optional<T> get(long seq) {
        if (seq < 1 || seq > last.get()) {
            return Optional.empty();
        }
        T value = slots.get(index(seq));
        return value != null && seqOf.applyAsLong(value) == seq ? Optional.of(value) : Optional.empty();
    }

    /** The values numbered {@code from} to {@code to} (both included) still kept, oldest first. */
    public List<T> range(long from, long to) {
        List<T> values = new ArrayList<>();
        for (long s = Math.max(Math.max(1, from), to - capacity() + 1); s <= to; s++) {
            get(s).ifPresent(values::add);
        }
        return values;
    }

    private int index(long seq) {
        return (int) (seq % slots.length());
    }
}
