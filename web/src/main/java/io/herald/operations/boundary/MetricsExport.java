package io.herald.operations.boundary;

import io.herald.common.control.LogLimiter;
import io.herald.eventlog.control.OutboxBacklog;
import io.herald.operations.control.GatewayMeter;
import io.herald.operations.control.GatewayOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the node's figures into MicroProfile Metrics every {@value #EVERY_MS} ms, where the server
 * has it (Payara Micro and Payara Server serve them at {@code /metrics}); elsewhere (WildFly 39 has
 * no MicroProfile Metrics) it does nothing and says so once. The delivery path counts in Herald's
 * own counters ({@code ProductMeter}), never in the metrics registry.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MetricsExport {

    static final long EVERY_MS = 1_000;
    private static final Logger LOG = Logger.getLogger(MetricsExport.class.getName());
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));

    @Inject
    GatewayOperations operations;

    @Inject
    GatewayMeter meter;

    @Inject
    Instance<MetricsSink> sinks;

    @Resource
    TimerService timers;

    private MetricsSink sink;

    @PostConstruct
    void start() {
        if (!sinks.isResolvable()) {
            LOG.info("No MicroProfile Metrics on this server: Herald's figures are in its MBean and on its admin page");
            return;
        }
        try {
            sink = sinks.get();
        } catch (RuntimeException e) {
            LOG.info(() -> "MicroProfile Metrics is not available (" + e + "): Herald's figures are in its MBean and on its admin page");
            return;
        }
        timers.createIntervalTimer(EVERY_MS, EVERY_MS, new TimerConfig(null, false));
    }

    @Timeout
    void export() {
        long now = System.currentTimeMillis();
        OutboxBacklog backlog;
        try {
            backlog = operations.outbox();
        } catch (RuntimeException e) {
            backlog = null; // the database is down: readiness says so; the other figures still go out
        }
        try {
            sink.publish(operations.localFigures(), backlog, now);
            meter.products().forEach((product, m) -> m.drainLatencies(now, (millis, count) -> sink.latency(product, millis, count)));
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, () -> "Could not update the metrics: " + e);
        }
    }
}
