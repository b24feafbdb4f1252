package io.herald.it.incontainer;

import io.herald.it.ExternalBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * What Arquillian's managed Payara Micro needs around Herald's WAR, on the client side (see
 * {@link MicroExtension}). Before the container boots (the Micro container starts its JVM when it
 * deploys): a real Artemis broker on 127.0.0.1, and the pre- and post-boot command files that
 * {@code arquillian.xml} names. They do what herald.jar's launcher does: the HTTP listener and the
 * data grid on 127.0.0.1 only; the resource adapter configured for the broker and deployed before the
 * WAR, the JMS pool, connection factory and topic on it, and an H2 database as {@code jdbc/herald}.
 * After it undeploys: Payara Micro's exit awaited (the container only signals it), then the broker
 * stopped. A broker that went first would hold Micro's shutdown in its message-driven beans' reconnects.
 */
final class MicroResources {

    private static final Logger LOG = Logger.getLogger(MicroResources.class.getName());
    private static ExternalBroker broker;

    private MicroResources() {
    }

    /** Starts the broker and writes the command files. */
    static synchronized void prepare() {
        try {
            if (broker == null) {
                broker = new ExternalBroker().start();
            }
            Path dir = Files.createDirectories(directory());
            URI brokerUri = URI.create(broker.url());
            int gridPort = freePort();
            Files.write(dir.resolve("pre-boot.asadmin"), List.of(
                    "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                    "set hazelcast-runtime-configuration.cluster-group-name=herald-incontainer-" + UUID.randomUUID(),
                    "set hazelcast-runtime-configuration.discovery-mode=tcpip",
                    "set hazelcast-runtime-configuration.interface=127.0.0.1",
                    "set hazelcast-runtime-configuration.start-port=" + gridPort,
                    "set hazelcast-runtime-configuration.tcpip-members=127.0.0.1:" + gridPort,
                    "set-openapi-configuration --enabled=false"));
            String database = "jdbc\\:h2\\:mem\\:herald-incontainer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY\\=-1";
            Files.write(dir.resolve("post-boot.asadmin"), List.of(
                    "create-resource-adapter-config --property ConnectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"
                            + ":ConnectionParameters=host\\=" + brokerUri.getHost() + ";port\\=" + brokerUri.getPort() + " artemis-ra",
                    "deploy --name artemis-ra " + rar(),
                    "create-connector-connection-pool --raname artemis-ra --connectiondefinition org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory"
                            + " --transactionsupport XATransaction herald-jms-pool",
                    "create-connector-resource --poolname herald-jms-pool jms/herald/ConnectionFactory",
                    "create-admin-object --raname artemis-ra --restype jakarta.jms.Topic --property Address=herald.events jms/herald/Events",
                    "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource"
                            + " --property URL=" + database + " herald-pool",
                    "create-jdbc-resource --connectionpoolid herald-pool jdbc/herald"));
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare Payara Micro's broker and command files", e);
        }
    }

    /**
     * Waits for the Payara Micro JVMs that this JVM started to exit (killing one that takes more
     * than a minute), then stops the broker.
     */
    static synchronized void afterUndeploy() throws Exception {
        String jar = directory().resolve("payara-micro.jar").toString();
        List<ProcessHandle> micros = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false)).toList();
        for (ProcessHandle micro : micros) {
            try {
                micro.onExit().get(1, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                LOG.warning(() -> "Payara Micro (pid " + micro.pid() + ") did not stop within a minute; killed");
                micro.destroyForcibly();
            }
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Herald's WAR as the build made it. */
    static Path war() {
        return Path.of(System.getProperty("herald.war", "../web/target/herald.war")).toAbsolutePath();
    }

    private static Path rar() {
        return Path.of(System.getProperty("herald.rar", "../server-config/artemis-ra/target/artemis-ra.rar")).toAbsolutePath();
    }

    private static Path directory() {
        return Path.of(System.getProperty("herald.incontainer.dir", "target/incontainer")).toAbsolutePath();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
