package io.herald.operations.boundary;

import io.herald.common.control.InvalidInputException;
import io.herald.eventlog.control.OutboxBacklog;
import io.herald.operations.control.GatewayOperations;
import io.herald.operations.control.NodeStatus;
import io.herald.operations.control.ProductFigures;
import io.herald.operations.control.SessionView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers {@link GatewayMXBean} when the application starts and removes it when it stops. Calls
 * come on JMX threads; each runs with the application's class loader.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GatewayMBean {

    /** The MBean's name. */
    public static final String OBJECT_NAME = "io.herald:type=Gateway";
    private static final Logger LOG = Logger.getLogger(GatewayMBean.class.getName());

    @Inject
    GatewayOperations operations;

    private ObjectName name;

    @PostConstruct
    void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            name = new ObjectName(OBJECT_NAME);
            StandardMBean bean = new StandardMBean(new View(operations, getClass().getClassLoader()), GatewayMXBean.class, true);
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException e) {
                server.unregisterMBean(name); // left by an earlier deployment of this application
                server.registerMBean(bean, name);
            }
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not register the MBean " + OBJECT_NAME + ": " + e);
            name = null;
        }
    }

    @PreDestroy
    void unregister() {
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException e) {
                // gone already
            }
        }
    }

    /** The MXBean itself: a view of {@link GatewayOperations}. */
    static final class View implements GatewayMXBean {

        private final GatewayOperations operations;
        private final ClassLoader loader;

        View(GatewayOperations operations, ClassLoader loader) {
            this.operations = operations;
            this.loader = loader;
        }

        private <T> T call(Supplier<T> body) {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return body.get();
            } finally {
                thread.setContextClassLoader(before);
            }
        }

        private NodeStatus figures() {
            return call(operations::localFigures);
        }

        private <V> Map<String, V> byProduct(Function<ProductFigures, V> figure) {
            Map<String, V> result = new TreeMap<>();
            figures().products().forEach((product, f) -> result.put(product, figure.apply(f)));
            return result;
        }

        @Override
        public String getNodeName() {
            return call(operations::node);
        }

        @Override
        public String getDeliveryMode() {
            return figures().delivery();
        }

        @Override
        public int getSessions() {
            return figures().sessionsTotal();
        }

        @Override
        public Map<String, Integer> getSessionsByProduct() {
            return byProduct(ProductFigures::sessions);
        }

        @Override
        public Map<String, Integer> getSubscriptionsByChannel() {
            Map<String, Integer> result = new TreeMap<>();
            figures().products().forEach((product, f) -> f.subscriptions().forEach((channel, n) -> result.put(product + "/" + channel, n)));
            return result;
        }

        @Override
        public Map<String, Long> getHandshakesAccepted() {
            return byProduct(ProductFigures::handshakesAccepted);
        }

        @Override
        public Map<String, Long> getHandshakesRefused() {
            Map<String, Long> result = new TreeMap<>();
            figures().products().forEach((product, f) -> f.handshakesRefused().forEach((reason, n) -> result.put(product + "/" + reason, n)));
            return result;
        }

        @Override
        public long getEventsReceived() {
            return figures().eventsFromTopic();
        }

        @Override
        public Map<String, Long> getDeliveries() {
            return byProduct(ProductFigures::deliveries);
        }

        @Override
        public long getDuplicatesDropped() {
            return figures().duplicatesDropped();
        }

        @Override
        public int getSendQueueMax() {
            return figures().products().values().stream().mapToInt(ProductFigures::queueMax).max().orElse(0);
        }

        @Override
        public long getSendQueueFrames() {
            return figures().products().values().stream().mapToLong(ProductFigures::queueSum).sum();
        }

        @Override
        public Map<String, Long> getSlowClientsClosed() {
            return byProduct(ProductFigures::slowClientsClosed);
        }

        @Override
        public Map<String, Long> getErrorsAnswered() {
            return byProduct(ProductFigures::errorsAnswered);
        }

        private OutboxBacklog outbox() {
            try {
                return call(operations::outbox);
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public long getOutboxUnpublished() {
            OutboxBacklog b = outbox();
            return b == null ? -1 : b.unpublished();
        }

        @Override
        public long getOutboxOldestAgeSeconds() {
            OutboxBacklog b = outbox();
            return b == null ? -1 : b.oldestAgeMillis(System.currentTimeMillis()) / 1000;
        }

        @Override
        public Map<String, Long> getDeliveryLatencyP99Millis() {
            return byProduct(f -> f.latency().p99());
        }

        @Override
        public Map<String, Long> getDeliveryLatencyMaxMillis() {
            return byProduct(f -> f.latency().max());
        }

        @Override
        public String[] listSessions() {
            return call(operations::localSessions).stream().map(View::line).toArray(String[]::new);
        }

        private static String line(SessionView s) {
            return s.id() + " " + s.product() + " " + (s.user() == null ? "-" : s.user()) + " " + s.subscriptions() + " " + s.queuedFrames();
        }

        @Override
        public int disconnectSession(String sessionId) {
            return call(() -> operations.disconnectSession(required(sessionId, "sessionId")));
        }

        @Override
        public int disconnectUser(String user) {
            return call(() -> operations.disconnectUser(required(user, "user")));
        }

        @Override
        public String broadcastNotice(String message, String startTime, String endTime) {
            try {
                return call(() -> operations.announceMaintenance(message, startTime, endTime).toString());
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }

        private static String required(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
            return value.trim();
        }

    }
}
