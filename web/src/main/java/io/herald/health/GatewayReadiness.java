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
 * answers a query. The launcher sets {@code mp.health.default.readiness.empty.response=DOWN}
 * and {@value #LAUNCHER_STATE} to {@code started} once all deployments are complete, so that
 * the endpoint is not UP before every path of this application is served.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    static final String LAUNCHER_STATE = "herald.launcher.state";

    @Resource(lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Inject
    EventLog eventLog;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("herald");
        boolean up = true;
        String launcher = System.getProperty(LAUNCHER_STATE);
        if (launcher != null && !"started".equals(launcher)) {
            up = false;
            response.withData("deployment", "in progress");
        }
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
