package io.herald.operations.boundary;

import io.herald.eventlog.control.OutboxBacklog;
import io.herald.operations.control.NodeStatus;
import io.herald.operations.control.ProductFigures;
import io.herald.operations.control.RefusalReason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Herald's figures in the server's MicroProfile Metrics application registry (Payara serves them
 * as Prometheus text at {@code /metrics}). Counters follow Herald's own counters (the difference
 * since the last call is added); gauges read the values of the last call. No other class refers to
 * this one: {@link MetricsExport} asks CDI for a {@link MetricsSink}, and where the server has no
 * MicroProfile Metrics (WildFly 39) this class does not load, so there is no such bean.
 */
@Dependent
public class MicroProfileMetrics implements MetricsSink {

    /** The metric names, as the README lists them. */
    static final String SESSIONS = "herald.sessions";
    static final String SUBSCRIPTIONS = "herald.subscriptions";
    static final String HANDSHAKES_ACCEPTED = "herald.handshakes.accepted";
    static final String HANDSHAKES_REFUSED = "herald.handshakes.refused";
    static final String EVENTS_RECEIVED = "herald.events.received";
    static final String DELIVERIES = "herald.deliveries";
    static final String DUPLICATES_DROPPED = "herald.duplicates.dropped";
    static final String QUEUE_MAX = "herald.send.queue.max";
    static final String QUEUE_FRAMES = "herald.send.queue.frames";
    static final String SLOW_CLIENTS_CLOSED = "herald.slow.clients.closed";
    static final String ERRORS_ANSWERED = "herald.errors.answered";
    static final String OUTBOX_UNPUBLISHED = "herald.outbox.unpublished";
    static final String OUTBOX_OLDEST_AGE = "herald.outbox.oldest.age";
    static final String LATENCY = "herald.delivery.latency.milliseconds";

    /** An {@code Instance}, so that the registry's producer sees an injection point (Payara's reads its annotations). */
    @Inject
    Instance<MetricRegistry> registries;

    private MetricRegistry registry;
    private final Map<Key, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final Map<Key, Long> counted = new ConcurrentHashMap<>();
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();

    /** One series: a name and its tags as name/value pairs. */
    private record Key(String name, String... tags) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name) && Arrays.equals(k.tags, tags);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(tags);
        }

        Tag[] metricTags() {
            Tag[] result = new Tag[tags.length / 2];
            for (int i = 0; i < result.length; i++) {
                result[i] = new Tag(tags[2 * i], tags[2 * i + 1]);
            }
            return result;
        }
    }

    @PostConstruct
    void start() {
        registry = registries.get();
    }

    @Override
    public void publish(NodeStatus node, OutboxBacklog backlog, long nowMillis) {
        count(new Key(EVENTS_RECEIVED), "Events this node received from the topic", node.eventsFromTopic());
        count(new Key(DUPLICATES_DROPPED), "Events dropped because this node had handed them over already", node.duplicatesDropped());
        if (backlog != null) {
            gauge(new Key(OUTBOX_UNPUBLISHED), "Durable events committed and not yet published to the topic", MetricUnits.NONE,
                    backlog.unpublished());
            gauge(new Key(OUTBOX_OLDEST_AGE), "Age of the oldest unpublished durable event (0 when none)", MetricUnits.MILLISECONDS,
                    backlog.oldestAgeMillis(nowMillis));
        }
        for (Map.Entry<String, ProductFigures> e : node.products().entrySet()) {
            String product = e.getKey();
            ProductFigures f = e.getValue();
            gauge(new Key(SESSIONS, "product", product), "Open connections", MetricUnits.NONE, f.sessions());
            gauges.forEach((key, value) -> {
                if (key.name.equals(SUBSCRIPTIONS) && key.tags[1].equals(product) && !f.subscriptions().containsKey(key.tags[3])) {
                    value.set(0);
                }
            });
            f.subscriptions().forEach((channel, n) -> gauge(new Key(SUBSCRIPTIONS, "product", product, "channel", channel),
                    "Subscriptions by channel or room", MetricUnits.NONE, n));
            count(new Key(HANDSHAKES_ACCEPTED, "product", product), "Connections accepted", f.handshakesAccepted());
            for (RefusalReason reason : RefusalReason.values()) {
                count(new Key(HANDSHAKES_REFUSED, "product", product, "reason", reason.label()),
                        "Connections refused at their start, by refusal label", f.handshakesRefused().getOrDefault(reason.label(), 0L));
            }
            count(new Key(DELIVERIES, "product", product), "Event frames written to clients", f.deliveries());
            count(new Key(SLOW_CLIENTS_CLOSED, "product", product), "Connections closed with 1013 because they did not read",
                    f.slowClientsClosed());
            count(new Key(ERRORS_ANSWERED, "product", product), "Error replies to client messages", f.errorsAnswered());
            gauge(new Key(QUEUE_MAX, "product", product), "The longest send queue", MetricUnits.NONE, f.queueMax());
            gauge(new Key(QUEUE_FRAMES, "product", product), "Frames waiting in all send queues", MetricUnits.NONE, f.queueSum());
            latencyHistogram(product);
        }
    }

    @Override
    public void latency(String product, long millis, long count) {
        Histogram histogram = latencyHistogram(product);
        for (long i = 0; i < count; i++) {
            histogram.update(millis);
        }
    }

    /**
     * The product's commit-to-delivery histogram, in milliseconds (buckets:
     * {@code mp.metrics.distribution.histogram.buckets}). Its unit is in its name and the metadata
     * says none: Payara 6.2025.10 converts a histogram's or timer's mean, max and buckets to seconds
     * but writes its quantiles (and a histogram's sum) unconverted, so a declared unit would mix two.
     */
    private Histogram latencyHistogram(String product) {
        return latencies.computeIfAbsent(product, p -> registry.histogram(metadata(LATENCY,
                "Commit-to-delivery latency: commit on the producing node to the frame written on this one (replays are not timed)",
                MetricUnits.NONE), new Tag("product", p)));
    }

    private void gauge(Key key, String description, String unit, long value) {
        AtomicLong holder = gauges.get(key);
        if (holder == null) {
            AtomicLong created = new AtomicLong(value);
            holder = gauges.putIfAbsent(key, created);
            if (holder == null) {
                holder = created;
                registry.gauge(metadata(key.name, description, unit), created::get, key.metricTags());
            }
        }
        holder.set(value);
    }

    private void count(Key key, String description, long total) {
        Counter counter = counters.computeIfAbsent(key, k -> registry.counter(metadata(k.name, description, MetricUnits.NONE), k.metricTags()));
        long before = counted.getOrDefault(key, 0L);
        if (total > before) {
            counter.inc(total - before);
            counted.put(key, total);
        }
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }
}
