package io.herald.common.control;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A CDI {@link Event} for plain unit tests: {@link #fire} hands the event to a consumer (by
 * default it is kept in {@link #fired}); asynchronous firing and subtypes are not supported.
 */
public final class RecordingEvent<T> implements Event<T> {

    /** What was fired, in order (when no other consumer was given). */
    public final List<T> fired = new ArrayList<>();
    private final Consumer<T> consumer;

    public RecordingEvent() {
        this.consumer = fired::add;
    }

    /** Fires into {@code consumer}, which may also throw to stand for a failing observer. */
    public RecordingEvent(Consumer<T> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void fire(T event) {
        consumer.accept(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
