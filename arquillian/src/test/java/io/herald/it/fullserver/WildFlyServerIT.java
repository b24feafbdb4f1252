package io.herald.it.fullserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.it.ExternalBroker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EAR on WildFly ({@code standalone-full}), configured only by
 * {@code server-config/src/main/wildfly/herald-resources.sh} as the README says: PostgreSQL, the
 * messaging subsystem as a client of an external Artemis broker that requires a login, EclipseLink as a module. First the
 * EAR is deployed on the unconfigured server, as a user who skipped the script would: the deployment
 * fails with its reason and leaves none of Herald's threads behind. Then the script runs twice (the
 * second run finds everything and redeploys), and every API and readiness answer. Runs in the
 * {@code full-servers} profile ({@code .ci/run} enables it).
 */
class WildFlyServerIT {

    @Test
    void theEarDeploysByTheScriptAndEveryApiAnswers() throws Exception {
        String pg = FullServerSmoke.emptyDatabase();
        Path script = Path.of(System.getProperty("herald.wildfly.script", "../server-config/src/main/wildfly/herald-resources.sh")).toAbsolutePath();
        try (ExternalBroker broker = ExternalBroker.withLogin("herald-full", "full-server-secret").start(); WildFlyServer server = WildFlyServer.start()) {
            assertNotEquals(0, server.cli("deploy " + FullServerSmoke.ear() + " --name=herald.ear"), "without the script's resources the deployment fails");
            assertTrue(server.logText().contains("WFLYSRV0021"), "WildFly rolled the deployment back");
            assertFalse(server.threadDump().contains("\"herald-"), "a failed deployment leaves no thread of Herald's running");

            Map<String, String> env = FullServerSmoke.scriptEnvironment(pg, broker);
            assertEquals(0, server.run(script, env), () -> "the script failed; see target/it-logs/wildfly.log");
            assertEquals(0, server.run(script, env), "the second run finds everything and redeploys");
            String output = server.logText();
            assertTrue(output.contains("pooled connection factory herald-artemis") && output.contains("present"), output);

            // liveness right after the (re)deploy, before any socket opened (it used to say 503 until one did)
            java.net.http.HttpResponse<String> live = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.management("/health/live")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), live.body());

            FullServerSmoke.everyApiAnswers(server, server.management("/health/ready"), "WildFly");
            assertTrue(server.logText().contains("Schema migrated at version 5 (postgresql)"), "Flyway created the schema");
        }
    }
}
