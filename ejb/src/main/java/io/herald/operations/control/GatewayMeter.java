package io.herald.operations.control;

import io.herald.publish.control.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's counters since it started: per product ({@link ProductMeter}) and for the node's
 * topic subscription. The single source of the figures that metrics, the MBean and the admin page
 * show; the delivery path only increments.
 */
@ApplicationScoped
public class GatewayMeter {

    private final Map<String, ProductMeter> products = new ConcurrentHashMap<>();
    private final LongAdder eventsFromTopic = new LongAdder();
    private final LongAdder duplicatesDropped = new LongAdder();

    public GatewayMeter() {
        EventIntake.PRODUCTS.forEach(this::product);
    }

    /** The meter of {@code product}. */
    public ProductMeter product(String product) {
        ProductMeter meter = products.get(product);
        return meter != null ? meter : products.computeIfAbsent(product, ProductMeter::new);
    }

    /** Every product's meter, by product name. */
    public Map<String, ProductMeter> products() {
        return new TreeMap<>(products);
    }

    /** An event (not a marker) arrived from the topic. */
    public void eventFromTopic() {
        eventsFromTopic.increment();
    }

    /** The fan-out dropped an event it had handed over already (broker redelivery, outbox repair, catching up). */
    public void duplicateDropped() {
        duplicatesDropped.increment();
    }

    public long eventsFromTopic() {
        return eventsFromTopic.sum();
    }

    public long duplicatesDropped() {
        return duplicatesDropped.sum();
    }
}
