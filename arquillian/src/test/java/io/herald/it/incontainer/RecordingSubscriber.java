package io.herald.it.incontainer;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.Subscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A subscriber registered with Herald's session registry from inside the server: the delivery
 * path (event log, broker topic, message-driven bean, fan-out) hands it events as it hands them to
 * a WebSocket, and it keeps them for the test to read.
 */
final class RecordingSubscriber implements Subscriber {

    private final String id = "incontainer-" + UUID.randomUUID();
    private final LinkedBlockingQueue<EventEnvelope> received = new LinkedBlockingQueue<>();
    private final List<EventEnvelope> seen = new ArrayList<>();

    @Override
    public String id() {
        return id;
    }

    @Override
    public void deliver(Delivery delivery) {
        received.add(delivery.event());
    }

    @Override
    public void close(int code, String reason) {
        // nothing to close
    }

    /** Waits up to 30 s for an event that matches, keeping every event received on the way. */
    EventEnvelope await(Predicate<EventEnvelope> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (EventEnvelope e : seen) {
            if (wanted.test(e)) {
                return e;
            }
        }
        while (System.nanoTime() < deadline) {
            EventEnvelope e = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                break;
            }
            seen.add(e);
            if (wanted.test(e)) {
                return e;
            }
        }
        throw new AssertionError("no " + what + " within 30 s; received " + seen);
    }

    /** Every event received so far. */
    List<EventEnvelope> events() {
        received.drainTo(seen);
        return List.copyOf(seen);
    }
}
