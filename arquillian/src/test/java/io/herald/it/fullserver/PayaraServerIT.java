package io.herald.it.fullserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.ExternalBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR on Payara Server, in a domain of its own that Arquillian's managed Payara Server container
 * starts and stops, configured only by {@code server-config/src/main/payara/herald-resources.sh} as the
 * README says: PostgreSQL, an external Artemis broker that requires a login. First Arquillian deploys
 * the EAR on the unconfigured domain, as a user who skipped the script would: the deployment fails and
 * leaves none of Herald's threads behind. Then the script runs twice
 * (the second run finds everything and redeploys); then a smoke test of every deployed API and
 * readiness. Runs in the {@code full-servers} profile ({@code .ci/run} enables it).
 */
@ExtendWith(ArquillianExtension.class)
class PayaraServerIT {

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "herald", managed = false, testable = false)
    @TargetsContainer(PayaraServer.CONTAINER)
    static EnterpriseArchive herald() {
        return FullServerSmoke.earArchive();
    }

    @Test
    void theEarDeploysByTheScriptAndEveryApiAnswers() throws Exception {
        String pg = FullServerSmoke.emptyDatabase();
        Path script = Path.of(System.getProperty("herald.payara.script", "../server-config/src/main/payara/herald-resources.sh")).toAbsolutePath();
        try (ExternalBroker broker = ExternalBroker.withLogin("herald-full", "full-server-secret").start(); PayaraServer server = PayaraServer.start(controller)) {
            // Arquillian starts the domain and deploys the EAR on it as a user who skipped the script would: it fails
            assertThrows(Exception.class, () -> deployer.deploy("herald"), "without the script's resources the deployment fails");
            assertFalse(server.threadDump().contains("\"herald-"), "a failed deployment leaves no thread of Herald's running");

            Map<String, String> env = FullServerSmoke.scriptEnvironment(pg, broker);
            env.put("HERALD_RAR", Path.of("../server-config/artemis-ra/target/artemis-ra.rar").toAbsolutePath().toString());

            assertEquals(0, server.run(script, env), () -> "the script failed; see target/it-logs/payara-server.log");
            assertEquals(0, server.run(script, env), "the second run finds everything and redeploys");
            String output = server.logText();
            assertTrue(output.contains("connector pool herald-jms-pool") && output.contains("present"), output);

            FullServerSmoke.everyApiAnswers(server, server.http("/health/ready"), "Payara Server");
            assertTrue(Files.readString(server.serverLog()).contains("Schema migrated at version 5 (postgresql)"), "Flyway created the schema");

            // Herald's MBean over the domain's JMX connector, as JConsole reaches it, and in Payara's JMX monitoring
            try (JMXConnector jmx = JMXConnectorFactory.connect(
                    new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + server.jmxPort() + "/jmxrmi"),
                    Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", ""}))) {
                MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
                ObjectName gateway = new ObjectName("io.herald:type=Gateway");
                assertFalse(((String) mbeans.getAttribute(gateway, "NodeName")).isBlank());
                assertTrue((int) mbeans.getAttribute(gateway, "Sessions") >= 0);
            }
            server.asadmin("notification-configure", "--enabled=true", "--dynamic=true");
            server.asadmin("set-log-notifier-configuration", "--enabled=true", "--dynamic=true", "--filter=INFO");
            server.asadmin("set-jmx-monitoring-configuration", "--enabled=true", "--dynamic=true", "--logFrequency=2",
                    "--logFrequencyUnit=SECONDS", "--enable-notifiers=log-notifier",
                    "--addAttribute=objectName=io.herald:type=Gateway attributeName=OutboxUnpublished");
            Instant until = Instant.now().plusSeconds(30);
            String log = "";
            while (Instant.now().isBefore(until) && !log.contains("MBean Attributes: OutboxUnpublished=")) {
                Thread.sleep(1000);
                log = Files.readString(server.serverLog());
            }
            assertTrue(log.contains("MBean Attributes: OutboxUnpublished="), "Payara's JMX monitoring logged the MBean's attribute; see " + server.serverLog());
        }
    }
}
