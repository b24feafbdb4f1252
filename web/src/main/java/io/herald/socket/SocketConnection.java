package io.herald.socket;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.EventIds;
import io.herald.delivery.control.Subscriber;
import io.herald.delivery.control.Traffic;
import io.herald.eventlog.control.EventReplay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One open socket of a product: its send queue ({@link #out()}), the timers that end with it, and
 * the replies whose shape its document defines ({@link #error}, {@link #pong}). A product's
 * connection adds the state its messages act on; {@link ProductSocket} registers it with the
 * node's session registry when it opens and removes it when it closes.
 */
public abstract class SocketConnection implements Subscriber {

    /** Live events that may wait while a replay runs; beyond this the client is closed with 1013. */
    static final int MAX_HELD = 50_000;

    /** The error text of a message refused by the inbound rate limit. */
    public static final String RATE_LIMITED = "Too many messages; slow down";

    private final SocketSubscriber out;
    private InboundLimit inbound;
    private final List<Future<?>> timers = new CopyOnWriteArrayList<>();
    private final Object replayLock = new Object();
    /** Live events that arrived while a replay runs; {@code null} when none runs. */
    private List<Delivery> held;
    /**
     * How long the ids of a replay are remembered after it: an event that a node committed and
     * could not publish (it died) is in the log, so in the replay, and reaches the topic later
     * through another node's outbox repair ({@code herald.outbox.repair-after-ms}, 5 s); this
     * connection must not send it again then.
     */
    static final long REPLAYED_MEMORY_MS = 60_000;
    private Set<Long> replayedIds;
    private long replayedUntil;
    /** The most resumed subscriptions whose {@link ResumeFloor} a connection keeps (the oldest goes first). */
    static final int MAX_FLOORS = 64;
    /** What the client had before it resumed, per resumed subscription; {@code null} until a resume succeeds. */
    private Map<String, ResumeFloor> floors;

    protected SocketConnection(SocketSubscriber out) {
        this.out = out;
    }

    /** The product's error reply for {@code message} (the socket's error budget decides whether it goes out). */
    public abstract String error(String message);

    /** The product's answer to its application-level ping. */
    public abstract String pong();

    /** The product's answer to a message refused by the inbound rate limit (an error frame, so within the error budget). */
    public String rateLimited() {
        return error(RATE_LIMITED);
    }

    /** Set by {@link ProductSocket} before the connection is registered. */
    final void limitInbound(InboundLimit limit) {
        this.inbound = limit;
    }

    final InboundLimit inbound() {
        return inbound;
    }

    public final SocketSubscriber out() {
        return out;
    }

    @Override
    public String id() {
        return out.id();
    }

    @Override
    public String product() {
        return out.product();
    }

    /** Who is connected, in the product's terms; {@code null} until the connection is authenticated. */
    @Override
    public abstract String user();

    @Override
    public long openedAt() {
        return out.openedAt();
    }

    @Override
    public int queuedFrames() {
        return out.queuedFrames();
    }

    @Override
    public Traffic traffic() {
        return out.traffic();
    }

    /** Live events: held while a replay runs, otherwise handed to {@link #accept}. */
    @Override
    public final void deliver(Delivery delivery) {
        synchronized (replayLock) {
            if (replayedIds != null) {
                if (System.currentTimeMillis() > replayedUntil) {
                    replayedIds = null;
                } else if (delivery.event().durable() && replayedIds.contains(delivery.event().id())) {
                    return;
                }
            }
            if (floors != null && alreadySent(delivery.event())) {
                return;
            }
            if (held != null) {
                if (held.size() < MAX_HELD) {
                    held.add(delivery);
                } else {
                    out.closeTooSlow();
                }
                return;
            }
        }
        accept(delivery);
    }

    /** Events go straight to the send queue unless a product holds or filters them. */
    protected void accept(Delivery delivery) {
        out.deliver(delivery);
    }

    /**
     * Resumes a subscription after the event id a client passes back. Live events wait while
     * {@code subscribe} registers the subscription and sends its confirmation and {@code missed}
     * reads what the client missed from the event log; then the missed events go out through
     * {@link #accept} (so the product's rights and filters apply to them as to live ones), or, when
     * the log cannot tell, the product's gap message ({@code gapFrame} of the reason); then the live
     * events that waited, except those just replayed. From then on events go straight out, except
     * a replayed one that arrives live again within {@link #REPLAYED_MEMORY_MS} and, for as long as
     * the connection lives, one of the subscription that the client had before it resumed (a late
     * commit that the node it left delivered and this one finds only now; see {@link ResumeFloor}).
     *
     * @param name the subscription, in the product's terms (a later resume of the same name replaces its floor)
     * @param lastEventId the id the client passed back
     * @param subscription which events belong to the subscription
     */
    protected final void resume(String name, String lastEventId, Predicate<EventEnvelope> subscription, Runnable subscribe,
            Supplier<EventReplay.Missed> missed, Function<String, String> gapFrame) {
        resume(name, lastEventId, subscription, subscribe, missed, gapFrame, e -> accept(Delivery.replayed(e)));
    }

    /** {@link #resume(String, String, Predicate, Runnable, Supplier, Function)} with the replayed events sent by {@code replayTo}. */
    protected final void resume(String name, String lastEventId, Predicate<EventEnvelope> subscription, Runnable subscribe,
            Supplier<EventReplay.Missed> missed, Function<String, String> gapFrame, Consumer<EventEnvelope> replayTo) {
        synchronized (replayLock) {
            held = new ArrayList<>();
        }
        Set<Long> replayed = new HashSet<>();
        ResumeFloor floor = null;
        try {
            subscribe.run();
            EventReplay.Missed m = missed.get();
            if (m.complete()) {
                // a complete replay means the id is of this event log, so its ids compare with live ones
                floor = EventIds.parse(lastEventId).map(point -> new ResumeFloor(subscription, point)).orElse(null);
                for (EventEnvelope e : m.events()) {
                    replayTo.accept(e);
                    replayed.add(e.id());
                }
            } else {
                out.send(gapFrame.apply(m.gap()));
            }
        } finally {
            synchronized (replayLock) {
                if (floor != null) {
                    if (floors == null) {
                        floors = new LinkedHashMap<>();
                    }
                    floors.remove(name);
                    floors.put(name, floor);
                    if (floors.size() > MAX_FLOORS) {
                        floors.remove(floors.keySet().iterator().next());
                    }
                }
                for (Delivery d : held) {
                    EventEnvelope e = d.event();
                    if (!(e.durable() && replayed.contains(e.id())) && !(floors != null && alreadySent(e))) {
                        accept(d);
                    }
                }
                held = null;
                if (!replayed.isEmpty()) {
                    if (replayedIds != null) {
                        replayed.addAll(replayedIds);
                    }
                    replayedIds = replayed;
                    replayedUntil = System.currentTimeMillis() + REPLAYED_MEMORY_MS;
                }
            }
        }
    }

    /** Whether a resumed subscription says the client had {@code event} before it resumed (caller holds {@code replayLock}). */
    private boolean alreadySent(EventEnvelope event) {
        for (ResumeFloor f : floors.values()) {
            if (f.alreadySent(event)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close(int code, String reason) {
        out.close(code, reason);
    }

    /** Cancels {@code timer} (a deadline, a token's expiry) when the socket closes first. */
    public final <T extends Future<?>> T endsWithConnection(T timer) {
        timers.add(timer);
        return timer;
    }

    /** The socket is closed and out of the registry. */
    protected void closed() {
        timers.forEach(t -> t.cancel(false));
        timers.clear();
    }
}
