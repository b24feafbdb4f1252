package io.herald.delivery.control;

import io.herald.common.control.LogLimiter;
import io.herald.eventlog.control.EventLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the events of the topic to this node's {@link Fanout} so that every subscriber receives
 * durable events in event-log (id) order, also across broker outages, and none is lost.
 *
 * <p>While the node is <em>live</em> it trusts the topic: every event goes to the fan-out as it
 * arrives. It stops trusting it, and <em>catches up</em> from the event log instead, as soon as
 * it may have missed something:
 * <ul>
 * <li>a message of some node is missing (each node numbers its messages),</li>
 * <li>this node's publisher failed to send, or</li>
 * <li>the marker this node sends to the topic every {@code herald.delivery.marker-every-ms} has
 * not come back within {@code herald.delivery.marker-timeout-ms} (a broker that stopped answering
 * or a subscription that was lost).</li>
 * </ul>
 * While catching up, durable events are read from the log in id order after the last one handed
 * over (also while the broker is down: the database is enough), durable events arriving on the
 * topic are left to that reading, and a marker is sent until one comes back. A marker that comes
 * back proves the subscription receives everything published from then on; everything published
 * before was committed before, so one last read of the log, made while the topic waits, closes the
 * gap, and the node is live again. The fan-out's memory of recent ids drops the copies the topic
 * and the outbox repair bring later.
 *
 * <p>After a broker restart the container may set the node's subscription up a second time, shortly
 * after the first one proved whole, and a message published in between never reaches the node. So
 * for {@code herald.delivery.probation-ms} after catching up, an event whose id is not the next one
 * after the last handed over waits until the log has been asked for the ids in between; those that
 * exist go out first. (Outside that window ids skip whenever producers commit concurrently, and the
 * topic is trusted without a query.)
 *
 * <p>The guarantee is per node and therefore per subscriber: durable events in ascending id order.
 * The one exception is inherent to concurrent producers: an event whose transaction commits after
 * an event with a higher id was handed over is delivered late rather than dropped. Ephemeral events
 * are delivered as they arrive.
 */
@ApplicationScoped
public class OrderedFanout {

    private static final Logger LOG = Logger.getLogger(OrderedFanout.class.getName());
    private static final LogLimiter CATCHING_UP = new LogLimiter(LOG, Duration.ofSeconds(10));
    private static final LogLimiter LIVE_AGAIN = new LogLimiter(LOG, Duration.ofSeconds(10));
    private static final LogLimiter LOG_FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));
    private static final int BATCH = 500;
    /** How many publishing nodes a node remembers the last message number of. */
    private static final int ORIGINS = 1024;

    /** Whether the node trusts the topic. */
    public enum Mode {
        LIVE, CATCHING_UP
    }

    /** Where a node catching up reads the event log (the {@link EventLog} in the server). */
    interface LogReader {
        List<EventEnvelope> after(long id, int max);

        long lastId();
    }

    /** Where a node sends its markers (the {@link EventPublisher} in the server). */
    interface MarkerSender {
        String origin();

        void send(long number);
    }

    @Inject
    Fanout fanout;

    @Inject
    EventLog eventLog;

    @Inject
    EventPublisher publisher;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "herald.delivery.marker-every-ms", defaultValue = "500")
    long markerEveryMs;

    @Inject
    @ConfigProperty(name = "herald.delivery.marker-timeout-ms", defaultValue = "2000")
    long markerTimeoutMs;

    @Inject
    @ConfigProperty(name = "herald.delivery.probation-ms", defaultValue = "30000")
    long probationMs;

    LogReader log;
    MarkerSender markers;
    LongSupplier clock = System::nanoTime;

    private final Object lock = new Object();
    // guarded by lock
    private Mode mode = Mode.CATCHING_UP;
    /** The highest durable id handed to the fan-out in order; -1 until read from the log. */
    private long delivered = -1;
    /** Catching up ends with a marker numbered higher than this. */
    private long markerNeeded;
    private long caughtUpEvents;
    /** Whether gaps in the ids are checked against the log, until {@link #probationUntil} ({@link #clock} nanos). */
    private boolean onProbation;
    private long probationUntil;
    private final Map<String, long[]> lastNumbers = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > ORIGINS;
        }
    };

    private volatile long markerSent;
    private volatile long markerSentAt;
    private volatile long markerReceived;

    private volatile boolean running;
    private Thread ticker;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        log = new LogReader() {
            @Override
            public List<EventEnvelope> after(long id, int max) {
                return eventLog.allAfter(id, max);
            }

            @Override
            public long lastId() {
                return eventLog.lastId();
            }
        };
        markers = new MarkerSender() {
            @Override
            public String origin() {
                return publisher.origin();
            }

            @Override
            public void send(long number) {
                publisher.publishMarker(number);
            }
        };
        publisher.onFailure(() -> suspect("this node could not publish to the event topic"));
        running = true;
        ticker = threadFactory.newThread(this::tickUntilStopped);
        ticker.setName("herald-ordered-fanout");
        ticker.setDaemon(true);
        ticker.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (ticker != null) {
            ticker.interrupt();
        }
    }

    private void tickUntilStopped() {
        while (running) {
            try {
                tick(clock.getAsLong());
            } catch (RuntimeException e) {
                LOG_FAILURES.log(Level.WARNING, () -> "Catching up from the event log failed, retrying: " + e);
            }
            try {
                Thread.sleep(mode() == Mode.LIVE ? Math.max(10, markerEveryMs / 5) : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The node's state (for readiness and tests). */
    public Mode mode() {
        synchronized (lock) {
            return mode;
        }
    }

    /** An event from the topic, with the publishing node's id and message number (either may be absent). */
    public void fromTopic(EventEnvelope event, String origin, long number) {
        synchronized (lock) {
            if (skipped(origin, number)) {
                suspect("a message of node " + origin + " did not arrive");
            }
            if (!event.durable() || mode == Mode.LIVE) {
                if (event.durable() && event.id() > delivered + 1 && onProbation() && !fillGapBefore(event.id())) {
                    return; // the log hands it over
                }
                if (fanout.deliver(event) >= 0 && event.durable() && event.id() > delivered) {
                    delivered = event.id();
                }
            } else if (delivered >= 0 && event.id() <= delivered) {
                // reading the log after 'delivered' would not reach it: a transaction that
                // committed late, or a copy the fan-out drops
                fanout.deliver(event);
            }
            // else: the next read of the log hands it over in its place
        }
    }

    private boolean onProbation() {
        if (onProbation && clock.getAsLong() - probationUntil >= 0) {
            onProbation = false;
        }
        return onProbation;
    }

    /**
     * Hands over the logged events between the last one handed over and {@code id}.
     * @return {@code false} when the log could not be read (the node is then catching up)
     */
    private boolean fillGapBefore(long id) {
        try {
            List<EventEnvelope> batch;
            do {
                batch = log.after(delivered, BATCH);
                for (EventEnvelope e : batch) {
                    if (e.id() >= id) {
                        return true;
                    }
                    fanout.deliver(e);
                    delivered = e.id();
                }
            } while (batch.size() == BATCH);
            return true;
        } catch (RuntimeException e) {
            suspect("the event log could not be read to fill a gap before id " + id + ": " + e);
            return false;
        }
    }

    /** A marker from the topic. */
    public void markerFromTopic(String origin, long number, long marker) {
        synchronized (lock) {
            if (skipped(origin, number)) {
                suspect("a message of node " + origin + " did not arrive");
            }
        }
        if (markers.origin().equals(origin) && marker > markerReceived) {
            markerReceived = marker;
        }
    }

    /** Stops trusting the topic until a marker has made the round trip again. */
    void suspect(String reason) {
        synchronized (lock) {
            if (mode == Mode.CATCHING_UP) {
                return;
            }
            mode = Mode.CATCHING_UP;
            markerNeeded = markerSent;
            caughtUpEvents = 0;
            long from = delivered;
            CATCHING_UP.log(Level.INFO, () -> "Reading events from the event log after id " + from + " until the event topic is whole again: " + reason);
        }
    }

    /** One step of the ticker thread: checks the markers while live, reads the log while catching up. */
    void tick(long now) {
        if (deliveredSoFar() < 0) {
            long last = log.lastId();
            synchronized (lock) {
                if (delivered < 0) {
                    delivered = last;
                }
            }
        }
        long sent = markerSent;
        boolean outstanding = markerReceived < sent;
        long sinceSent = TimeUnit.NANOSECONDS.toMillis(now - markerSentAt);
        if (mode() == Mode.LIVE) {
            if (outstanding && sinceSent > markerTimeoutMs) {
                suspect("marker " + sent + " did not come back within " + markerTimeoutMs + " ms");
            } else if (!outstanding && sinceSent >= markerEveryMs) {
                sendMarker(now);
            }
            return;
        }
        readLog();
        long needed;
        synchronized (lock) {
            needed = markerNeeded;
        }
        if (markerReceived > needed) {
            goLive();
        } else if (sent <= needed || sinceSent >= markerEveryMs) {
            sendMarker(now);
        }
    }

    private long deliveredSoFar() {
        synchronized (lock) {
            return delivered;
        }
    }

    private void sendMarker(long now) {
        markerSentAt = now;
        long next = markerSent + 1;
        markerSent = next;
        markers.send(next);
    }

    /** Hands over what the log has after the last event handed over, without holding up the topic meanwhile. */
    private void readLog() {
        List<EventEnvelope> batch;
        do {
            batch = log.after(deliveredSoFar(), BATCH);
            synchronized (lock) {
                if (mode != Mode.CATCHING_UP) {
                    return;
                }
                handOver(batch);
            }
        } while (batch.size() == BATCH);
    }

    /** The last read of the log, while the topic waits; then the topic is trusted again. */
    private void goLive() {
        synchronized (lock) {
            List<EventEnvelope> batch;
            do {
                batch = log.after(delivered, BATCH);
                handOver(batch);
            } while (batch.size() == BATCH);
            mode = Mode.LIVE;
            onProbation = true;
            probationUntil = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(probationMs);
            long events = caughtUpEvents;
            long last = delivered;
            LIVE_AGAIN.log(Level.INFO, () -> "The event topic is whole again; " + events
                    + " events were read from the event log, the last handed over is " + last);
        }
    }

    private void handOver(List<EventEnvelope> batch) {
        for (EventEnvelope e : batch) {
            if (e.id() > delivered) {
                fanout.deliver(e);
                delivered = e.id();
                caughtUpEvents++;
            }
        }
    }

    /** Records a node's message number; @return whether numbers were skipped since the last one */
    private boolean skipped(String origin, long number) {
        if (origin == null || number <= 0) {
            return false;
        }
        long[] last = lastNumbers.get(origin);
        if (last == null) {
            lastNumbers.put(origin, new long[] {number});
            return false;
        }
        boolean gap = number > last[0] + 1;
        if (number > last[0]) {
            last[0] = number;
        }
        return gap;
    }
}
