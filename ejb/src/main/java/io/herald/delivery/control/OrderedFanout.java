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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands the events of the topic to this node's {@link Fanout} so that every subscriber receives
 * durable events in event-log (id) order, also across broker outages and across the nodes that
 * publish them, and none is lost.
 *
 * <p>While the node is <em>live</em> it trusts the topic: an event whose id is the next one after
 * the last handed over goes to the fan-out as it arrives. An event with a higher id waits until the
 * ids in between arrive too, at most {@code herald.delivery.gap-wait-ms}; then the event log is
 * asked for them, and those it has go out first, in id order. Ids the log does not have then
 * (a rolled-back transaction, or one that took an id and has not committed yet) are remembered as
 * <em>open</em> for {@code herald.delivery.late-commit-ms}: one that commits later is delivered
 * late, from the topic or from the log, and the event ids clients see name the open ids below them
 * so that a client resuming elsewhere still gets it (see {@link EventIds}). Publishing nodes send in
 * parallel, so without the wait an event committed and answered on one node could reach clients
 * after a later event of the same producer sent through another node.
 *
 * <p>It stops trusting the topic, and <em>catches up</em> from the event log instead, as soon as
 * it may have missed something:
 * <ul>
 * <li>a message of some node is missing (each node numbers its messages),</li>
 * <li>this node's publisher failed to send, or</li>
 * <li>the marker this node sends to the topic every {@code herald.delivery.marker-every-ms} has
 * not come back within {@code herald.delivery.marker-timeout-ms} (a broker that stopped answering
 * or a subscription that was lost).</li>
 * </ul>
 * While catching up, durable events are read from the log in id order after the last one handed
 * over, and the open ids below it are looked up too (also while the broker is down: the database
 * is enough); durable events arriving on the topic are left to that reading, and a marker is sent
 * until one comes back. A marker that comes back proves the subscription receives everything
 * published from then on; everything published before was committed before, so one last read of
 * the log, made while the topic waits, closes the gap, and the node is live again. The fan-out's
 * memory of recent ids drops the copies the topic and the outbox repair bring later.
 *
 * <p>The guarantee is per node and therefore per subscriber: durable events in ascending id order,
 * and an event committed before another was sent is handed over before it. The one exception is
 * inherent to concurrent producers: an event whose transaction commits after a higher id was
 * handed over is delivered late rather than dropped. Ephemeral events are delivered as they arrive.
 */
@ApplicationScoped
public class OrderedFanout {

    private static final Logger LOG = Logger.getLogger(OrderedFanout.class.getName());
    private static final LogLimiter CATCHING_UP = new LogLimiter(LOG, Duration.ofSeconds(10));
    private static final LogLimiter LIVE_AGAIN = new LogLimiter(LOG, Duration.ofSeconds(10));
    private static final LogLimiter LOG_FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));
    /** How long the ticker's failures before its first success count as the application still starting. */
    private static final long STARTING_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int BATCH = 500;
    /** How many publishing nodes a node remembers the last message number of. */
    private static final int ORIGINS = 1024;
    /** At most this many ids skipped at once are remembered as open (a larger jump is a sequence that moved on). */
    static final int MAX_RUN = 1_000;
    /** At most this many open ids are remembered (the oldest are forgotten first). */
    static final int MAX_OPEN = 10_000;
    /** At most this many open ids are looked up in the log at once. */
    private static final int LOOKUP = 500;
    /** Events waiting for a lower id; beyond, the node reads the log instead. */
    static final int MAX_WAITING = 100_000;
    /** How often open ids are looked up in the log while the topic is trusted. */
    static final long OPEN_CHECK_MS = 500;

    /** Whether the node trusts the topic. */
    public enum Mode {
        LIVE, CATCHING_UP
    }

    /** Where a node reads the event log (the {@link EventLog} in the server). */
    interface LogReader {
        List<EventEnvelope> after(long id, int max);

        /** The logged events among {@code ids}, in id order. */
        List<EventEnvelope> withIds(List<Long> ids);

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
    @ConfigProperty(name = "herald.delivery.gap-wait-ms", defaultValue = "10")
    long gapWaitMs;

    @Inject
    @ConfigProperty(name = "herald.delivery.late-commit-ms", defaultValue = "60000")
    long lateCommitMs;

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
    /** Events from the topic above a missing id, by id. */
    private final TreeMap<Long, EventEnvelope> waiting = new TreeMap<>();
    /** Since when ({@link #clock} nanos) the lowest missing id has been waited for. */
    private long waitingSince;
    /** Ids below {@link #delivered} that were skipped because the log did not have them, with when ({@link #clock} nanos). */
    private final TreeMap<Long, Long> open = new TreeMap<>();
    private long openCheckedAt;
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
            public List<EventEnvelope> withIds(List<Long> ids) {
                return eventLog.withIds(ids);
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
        long startedAt = clock.getAsLong();
        boolean ticked = false;
        while (running) {
            try {
                tick(clock.getAsLong());
                ticked = true;
            } catch (RuntimeException e) {
                if (!ticked && clock.getAsLong() - startedAt < STARTING_NANOS) {
                    // the application is still starting (its EJB container answers "Initializing"): not news
                    LOG.log(Level.FINE, "Catching up from the event log waits for the application to start: {0}", e);
                } else {
                    LOG_FAILURES.log(Level.WARNING, () -> "Catching up from the event log failed, retrying: " + e);
                }
            }
            try {
                synchronized (lock) {
                    long pause = mode == Mode.LIVE ? Math.max(10, markerEveryMs / 5) : 50;
                    if (!waiting.isEmpty()) {
                        long due = TimeUnit.NANOSECONDS.toMillis(waitingSince + TimeUnit.MILLISECONDS.toNanos(gapWaitMs) - clock.getAsLong());
                        pause = Math.max(1, Math.min(pause, due + 1));
                    }
                    lock.wait(pause);
                }
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
            if (!event.durable()) {
                fanout.deliver(event);
            } else if (delivered >= 0 && event.id() <= delivered) {
                // a transaction that committed after a higher id went out, or a copy the fan-out drops
                late(event);
            } else if (mode == Mode.LIVE) {
                if (event.id() == delivered + 1) {
                    inOrder(event);
                    releaseWaiting();
                } else {
                    if (waiting.isEmpty()) {
                        waitingSince = clock.getAsLong();
                        lock.notifyAll();
                    }
                    waiting.put(event.id(), event);
                    if (waiting.size() > MAX_WAITING) {
                        suspect(MAX_WAITING + " events wait for a lower id");
                    }
                }
            }
            // else: catching up; the next read of the log hands it over in its place
        }
    }

    /** Hands over {@code event}, the next in id order; the ids skipped below it are open. */
    private void inOrder(EventEnvelope event) {
        long skipped = event.id() - delivered - 1;
        if (delivered >= 0 && skipped > 0 && skipped <= MAX_RUN) {
            long now = clock.getAsLong();
            for (long id = delivered + 1; id < event.id(); id++) {
                open.put(id, now);
            }
            while (open.size() > MAX_OPEN) {
                open.pollFirstEntry();
            }
        }
        delivered = event.id();
        fanout.deliver(open.isEmpty() ? event : event.resumingAt(event.id(), newestOpen(event.id())));
    }

    /** Hands over {@code event}, whose id is at or below the last handed over. */
    private void late(EventEnvelope event) {
        open.remove(event.id());
        fanout.deliver(open.isEmpty() && event.id() == delivered ? event : event.resumingAt(delivered, newestOpen(delivered)));
    }

    /** The newest open ids below {@code id}, ascending, at most {@link EventIds#MAX_OPEN}. */
    private List<Long> newestOpen(long id) {
        if (open.isEmpty()) {
            return List.of();
        }
        List<Long> newest = new ArrayList<>(EventIds.MAX_OPEN);
        for (Long o : open.headMap(id, false).descendingKeySet()) {
            if (newest.size() == EventIds.MAX_OPEN) {
                break;
            }
            newest.add(0, o);
        }
        return newest;
    }

    /** Hands over {@code event} late when its id is at or below the last handed over, else in order. */
    private void handOverOne(EventEnvelope event) {
        if (event.id() <= delivered) {
            late(event);
        } else {
            inOrder(event);
        }
    }

    /** Hands over the waiting events that are next in order now. */
    private void releaseWaiting() {
        while (!waiting.isEmpty() && waiting.firstKey() <= delivered + 1) {
            handOverOne(waiting.pollFirstEntry().getValue());
        }
        if (!waiting.isEmpty()) {
            waitingSince = clock.getAsLong();
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
            waiting.clear(); // committed above the last handed over: the log hands them over
            markerNeeded = markerSent;
            caughtUpEvents = 0;
            long from = delivered;
            CATCHING_UP.log(Level.INFO, () -> "Reading events from the event log after id " + from + " until the event topic is whole again: " + reason);
        }
    }

    /**
     * One step of the ticker thread: while live, fills a gap that waited long enough from the log,
     * looks up open ids and checks the markers; while catching up, reads the log.
     */
    void tick(long now) {
        if (deliveredSoFar() < 0) {
            long last = log.lastId();
            synchronized (lock) {
                if (delivered < 0) {
                    delivered = last;
                }
            }
        }
        forgetOldOpenIds(now);
        long sent = markerSent;
        boolean outstanding = markerReceived < sent;
        long sinceSent = TimeUnit.NANOSECONDS.toMillis(now - markerSentAt);
        if (mode() == Mode.LIVE) {
            fillGap(now);
            if (now - openCheckedAt >= TimeUnit.MILLISECONDS.toNanos(OPEN_CHECK_MS)) {
                openCheckedAt = now;
                lookUpOpenIds();
            }
            if (outstanding && sinceSent > markerTimeoutMs) {
                suspect("marker " + sent + " did not come back within " + markerTimeoutMs + " ms");
            } else if (!outstanding && sinceSent >= markerEveryMs) {
                sendMarker(now);
            }
            return;
        }
        readLog();
        lookUpOpenIds();
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

    private void forgetOldOpenIds(long now) {
        long oldest = now - TimeUnit.MILLISECONDS.toNanos(lateCommitMs);
        synchronized (lock) {
            open.values().removeIf(since -> since - oldest < 0);
        }
    }

    /** When the lowest missing id has been waited for long enough, hands over what the log has up to the highest waiting id. */
    private void fillGap(long now) {
        long from;
        long upTo;
        synchronized (lock) {
            if (waiting.isEmpty() || now - waitingSince < TimeUnit.MILLISECONDS.toNanos(gapWaitMs)) {
                return;
            }
            from = delivered;
            upTo = waiting.lastKey();
        }
        List<EventEnvelope> logged = new ArrayList<>();
        try {
            List<EventEnvelope> batch;
            long after = from;
            do {
                batch = log.after(after, BATCH);
                for (EventEnvelope e : batch) {
                    if (e.id() <= upTo) {
                        logged.add(e);
                    }
                }
                after = batch.isEmpty() ? upTo : batch.get(batch.size() - 1).id();
            } while (batch.size() == BATCH && after < upTo);
        } catch (RuntimeException e) {
            suspect("the event log could not be read to fill a gap before id " + upTo + ": " + e);
            return;
        }
        synchronized (lock) {
            if (mode != Mode.LIVE) {
                return;
            }
            for (EventEnvelope e : logged) {
                waiting.remove(e.id());
                handOverOne(e);
            }
            // events that arrived while the log was read: committed, so in order from here
            while (!waiting.isEmpty() && waiting.firstKey() <= upTo) {
                handOverOne(waiting.pollFirstEntry().getValue());
            }
            releaseWaiting();
        }
    }

    /** Hands over the open ids that the log has now (transactions that committed late). */
    private void lookUpOpenIds() {
        List<Long> ids;
        synchronized (lock) {
            if (open.isEmpty()) {
                return;
            }
            ids = new ArrayList<>(Math.min(open.size(), LOOKUP));
            for (Long id : open.descendingKeySet()) {
                if (ids.size() == LOOKUP) {
                    break;
                }
                ids.add(id);
            }
        }
        List<EventEnvelope> committed;
        try {
            committed = log.withIds(ids);
        } catch (RuntimeException e) {
            LOG_FAILURES.log(Level.WARNING, () -> "Could not look up " + ids.size() + " open event ids in the event log: " + e);
            return;
        }
        synchronized (lock) {
            for (EventEnvelope e : committed) {
                if (open.containsKey(e.id())) {
                    late(e);
                }
            }
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
            long events = caughtUpEvents;
            long last = delivered;
            LIVE_AGAIN.log(Level.INFO, () -> "The event topic is whole again; " + events
                    + " events were read from the event log, the last handed over is " + last);
        }
    }

    private void handOver(List<EventEnvelope> batch) {
        for (EventEnvelope e : batch) {
            if (e.id() > delivered) {
                inOrder(e);
                caughtUpEvents++;
            }
        }
    }

    /** The open ids, lowest first (for tests). */
    List<Long> openIds() {
        synchronized (lock) {
            return List.copyOf(open.keySet());
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
