package io.herald.operations.control;

import io.herald.api.HeraldEvent;
import io.herald.common.control.LogLimiter;
import io.herald.delivery.control.Subscriber;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the operations subscribers when the node starts, and every {@value #EVERY_SECONDS} s
 * publishes this node's {@link NodeStatus} to every node (an ephemeral event on the topic), so that
 * any node's admin page shows the whole cluster.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NodeReporter {

    static final int EVERY_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(NodeReporter.class.getName());
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));

    @Inject
    ClusterView cluster;

    @Inject
    AdminControl control;

    @Inject
    GatewayOperations operations;

    @Inject
    Event<HeraldEvent> events;

    @PostConstruct
    void start() {
        cluster.listen();
        control.listen();
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + EVERY_SECONDS, persistent = false)
    void report() {
        try {
            events.fire(new HeraldEvent(Subscriber.INTERNAL, OperationsKeys.NODE_STATUS, NodeStatusJson.write(operations.localStatus()),
                    Set.of(OperationsKeys.NODES), false));
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, () -> "Could not publish this node's status: " + e);
        }
    }
}
