package io.herald.it.fullserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.ExternalBroker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
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
 * The EAR on WildFly ({@code standalone-full}), started by Arquillian's managed WildFly container and
 * configured only by {@code server-config/src/main/wildfly/herald-resources.sh} as the README says:
 * PostgreSQL, the messaging subsystem as a client of an external Artemis broker that requires a login,
 * EclipseLink as a module. First Arquillian deploys the EAR on the unconfigured server, as a user who
 * skipped the script would: the deployment fails and leaves none of Herald's threads behind. Then
 * the script runs twice (the second run finds everything and redeploys), and every API and readiness
 * answer. Runs in the {@code full-servers} profile ({@code .ci/run} enables it).
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyServerIT {

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "herald", managed = false, testable = false)
    @TargetsContainer(WildFlyServer.CONTAINER)
    static EnterpriseArchive herald() {
        return FullServerSmoke.earArchive();
    }

    @Test
    void theEarDeploysByTheScriptAndEveryApiAnswers() throws Exception {
        String pg = FullServerSmoke.emptyDatabase();
        Path script = Path.of(System.getProperty("herald.wildfly.script", "../server-config/src/main/wildfly/herald-resources.sh")).toAbsolutePath();
        try (ExternalBroker broker = ExternalBroker.withLogin("herald-full", "full-server-secret").start(); WildFlyServer server = WildFlyServer.start(controller)) {
            assertThrows(Exception.class, () -> deployer.deploy("herald"), "without the script's resources the deployment fails");
            assertTrue(server.serverLog().contains("WFLYSRV0021"), "WildFly rolled the deployment back");
            assertFalse(server.threadDump().contains("\"herald-"), "a failed deployment leaves no thread of Herald's running");

            Map<String, String> env = FullServerSmoke.scriptEnvironment(pg, broker);
            assertEquals(0, server.run(script, env), () -> "the script failed; see target/it-logs/wildfly.log");
            assertEquals(0, server.run(script, env), "the second run finds everything and redeploys");
            String output = server.scriptOutput();
            assertTrue(output.contains("pooled connection factory herald-artemis") && output.contains("present"), output);

            // liveness right after the (re)deploy, before any socket opened (it used to say 503 until one did)
            HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.management("/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());

            FullServerSmoke.everyApiAnswers(server, server.management("/health/ready"), "WildFly");
            assertTrue(server.serverLog().contains("Schema migrated at version 5 (postgresql)"), "Flyway created the schema");
        }
    }
}
