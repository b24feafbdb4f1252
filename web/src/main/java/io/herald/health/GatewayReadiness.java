package io.herald.health;

import io.herald.delivery.control.Messaging;
import io.herald.delivery.control.OrderedFanout;
import io.herald.common.health.HealthProbes;
import io.herald.eventlog.control.EventLog;
import io.herald.eventlog.control.OutboxBacklog;
import io.herald.operations.control.GatewayOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /health/ready}: UP when the broker confirms a message and the database answers a query,
 * each within {@value #TIMEOUT_MS} ms. The broker probe is a persistent send to the address
 * {@value #PROBE_ADDRESS} (no queue, so the message is dropped): a pooled connection that looks
 * fine but whose broker is gone, or a broker that refuses the login, cannot pass it. Each probe
 * runs on a thread of its own; while one hangs (a broker that accepts connections but does not
 * answer) no second one starts and the answer is DOWN at once. (herald.jar opens its HTTP port
 * only once every deployment is complete, so the endpoint cannot answer UP before the
 * application serves its paths.) {@code "delivery"} tells whether the node takes events from the
 * topic ({@code live}) or reads them from the event log ({@code catching-up}, see
 * {@link OrderedFanout}); it does not change the status: a node catching up still delivers.
 * {@code "outbox"} counts the durable events committed and not yet on the topic; when the oldest
 * of them has waited longer than {@code herald.health.outbox-max-age-seconds} the node is DOWN,
 * {@code "degraded: …"} with the figures (events are late for every client, though none is lost).
 * The server calls it through {@code HeraldReadiness}, the check in the application's library ({@link HealthProbes}).
 */
@ApplicationScoped
public class GatewayReadiness {

    static final long TIMEOUT_MS = 1500;
    static final String PROBE_ADDRESS = "herald.health";

    @Resource(name = Messaging.CONNECTION_FACTORY, lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    @Inject
    EventLog eventLog;

    @Inject
    OrderedFanout delivery;

    @Inject
    GatewayOperations operations;

    @Inject
    @ConfigProperty(name = "herald.health.outbox-max-age-seconds", defaultValue = "60")
    long outboxMaxAgeSeconds;

    private ExecutorService broker;
    private ExecutorService database;
    private Future<?> brokerProbe;
    private Future<?> databaseProbe;
    private final java.util.function.Supplier<HealthCheckResponse> installed = this::call;

    @PostConstruct
    void start() {
        broker = Executors.newSingleThreadExecutor(threadFactory);
        database = Executors.newSingleThreadExecutor(threadFactory);
        HealthProbes.READINESS.install(installed);
    }

    /** Created with the application, so that readiness answers from the start. */
    void created(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // the observer's only job is to create the bean
    }

    @PreDestroy
    void stop() {
        HealthProbes.READINESS.remove(installed);
        broker.shutdownNow();
        database.shutdownNow();
    }

    public synchronized HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(HealthProbes.NAME);
        String brokerState = probe("broker", true);
        String databaseState = probe("database", false);
        boolean databaseUp = databaseState.equals("connected");
        String outboxState = databaseUp ? outbox() : "unknown: the database does not answer";
        response.withData("broker", brokerState).withData("database", databaseState)
                .withData("delivery", delivery.mode() == OrderedFanout.Mode.LIVE ? "live" : "catching-up")
                .withData("outbox", outboxState);
        return response.status(brokerState.equals("connected") && databaseUp && outboxState.startsWith("ok")).build();
    }

    private String outbox() {
        OutboxBacklog backlog;
        try {
            backlog = operations.outbox();
        } catch (RuntimeException e) {
            return "unknown: " + e.getMessage();
        }
        return outboxState(backlog, System.currentTimeMillis(), outboxMaxAgeSeconds);
    }

    /** {@code ok: N unpublished}, or {@code degraded: …} when the oldest waited longer than {@code maxAgeSeconds}. */
    static String outboxState(OutboxBacklog backlog, long nowMillis, long maxAgeSeconds) {
        long ageSeconds = backlog.oldestAgeMillis(nowMillis) / 1000;
        if (ageSeconds > maxAgeSeconds) {
            return "degraded: " + backlog.unpublished() + " unpublished, oldest " + ageSeconds + " s (limit " + maxAgeSeconds + " s)";
        }
        return "ok: " + backlog.unpublished() + " unpublished";
    }

    private String probe(String part, boolean isBroker) {
        Future<?> running = isBroker ? brokerProbe : databaseProbe;
        if (running != null && !running.isDone()) {
            return "unreachable: the previous check is still waiting for an answer";
        }
        Future<?> next = (isBroker ? broker : database).submit(isBroker ? this::sendProbe : this::queryDatabase);
        if (isBroker) {
            brokerProbe = next;
        } else {
            databaseProbe = next;
        }
        try {
            next.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return "connected";
        } catch (TimeoutException e) {
            return "unreachable: no answer within " + TIMEOUT_MS + " ms";
        } catch (ExecutionException e) {
            return "unreachable: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unreachable: interrupted";
        }
    }

    /** A query, then the outbox figures (cached for the answer, so that the request thread does not wait for the database). */
    private void queryDatabase() {
        eventLog.ping();
        operations.outbox();
    }

    private void sendProbe() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(context.createTopic(PROBE_ADDRESS), "readiness probe");
        }
    }
}
