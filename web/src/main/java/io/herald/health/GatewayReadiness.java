package io.herald.health;

import io.herald.delivery.control.Messaging;
import io.herald.eventlog.control.EventLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: UP when a JMS connection to the broker can be opened and the database
 * answers a query. (herald.jar opens its HTTP port only once every deployment is complete, so
 * the endpoint cannot answer UP before the application serves its paths.)
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    @Resource(lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Inject
    EventLog eventLog;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("herald");
        boolean up = true;
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer();
            response.withData("broker", "connected");
        } catch (RuntimeException e) {
            up = false;
            response.withData("broker", "unreachable: " + e.getMessage());
        }
        try {
            eventLog.ping();
            response.withData("database", "connected");
        } catch (RuntimeException e) {
            up = false;
            response.withData("database", "unreachable: " + e.getMessage());
        }
        return response.status(up).build();
    }
}
