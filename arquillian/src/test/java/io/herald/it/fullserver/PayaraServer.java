package io.herald.it.fullserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.it.Gateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * A Payara Server domain of its own (in the distribution that the {@code full-servers} profile
 * unpacked under target/, ports from a free port base, bound to 127.0.0.1), started and stopped by
 * Arquillian's managed Payara Server container ({@value #CONTAINER} in {@code arquillian-payara-server.xml},
 * manual mode); configured by the repository's script as a user would run it.
 */
final class PayaraServer implements Gateway, AutoCloseable {

    /** The container's qualifier in arquillian-payara-server.xml. */
    static final String CONTAINER = "payara-server";

    private static final String DOMAIN = "herald-it";
    private final ContainerController controller;
    private final Path home;
    private final Path domains;
    private final Path log;
    private final int portBase;

    private PayaraServer(ContainerController controller, Path home, Path log, int portBase) {
        this.controller = controller;
        this.home = home;
        // the default domain folder: Arquillian's container starts and stops a domain by its name there
        this.domains = home.resolve("glassfish/domains");
        this.log = log;
        this.portBase = portBase;
    }

    /**
     * Creates the domain and hands it to Arquillian. Its managed Payara Server container starts the
     * domain when the first archive is deployed to it ({@code Deployer.deploy}), and stops it when
     * the test closes this server.
     */
    static PayaraServer start(ContainerController controller) throws Exception {
        Path home = Path.of(System.getProperty("herald.payara.home", "target/payara/payara6")).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/asadmin"))) {
            throw new IllegalStateException("no Payara Server at " + home + " (the full-servers profile unpacks it)");
        }
        // an unpacked zip may have lost the executable bits
        for (String dir : List.of("bin", "glassfish/bin")) {
            try (var files = Files.list(home.resolve(dir))) {
                files.forEach(f -> f.toFile().setExecutable(true));
            }
        }
        Path log = Files.createDirectories(Path.of(System.getProperty("herald.it.logs", "target/it-logs"))).resolve("payara-server.log");
        PayaraServer server = new PayaraServer(controller, home, log, freePortBase());
        server.asadmin(Map.of(), "delete-domain", DOMAIN).waitFor();
        server.check(server.asadmin(Map.of(), "create-domain", "--nopassword=true", "--portbase", String.valueOf(server.portBase), DOMAIN));
        server.loopbackOnly();
        controller.start(CONTAINER, Map.of(
                "payaraHome", home.toString(),
                "domain", DOMAIN,
                "adminPort", String.valueOf(server.adminPort())));
        return server;
    }

    /**
     * Binds the new domain's HTTP, admin, IIOP and JMX listeners and its data grid to 127.0.0.1
     * (they listen on all interfaces by default). The proxy port of Payara's own (unused) OpenMQ
     * still binds to all interfaces.
     */
    private void loopbackOnly() throws IOException {
        Path config = domains.resolve(DOMAIN).resolve("config/domain.xml");
        String xml = Files.readString(config).replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replaceAll("<network-listener (?![^>]*address=)", "<network-listener address=\"127.0.0.1\" ")
                .replace("<hazelcast-runtime-configuration ", "<hazelcast-runtime-configuration interface=\"127.0.0.1\" ")
                .replaceFirst("<jvm-options>-Xmx512m</jvm-options>", "<jvm-options>-Xmx512m</jvm-options><jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>");
        Files.writeString(config, xml);
    }

    private int adminPort() {
        return portBase + 48;
    }

    /** The admin options a script needs to reach this domain ({@code ASADMIN_OPTS}). */
    String adminOptions() {
        return "--port " + adminPort();
    }

    String asadminPath() {
        return home.resolve("bin/asadmin").toString();
    }

    /** Runs a script with the environment; its output goes to the server's IT log; @return the exit code */
    int run(Path script, Map<String, String> environment) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("ASADMIN", asadminPath());
        env.put("ASADMIN_OPTS", adminOptions());
        return FullServerSmoke.runScript(script, env, log);
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    Path serverLog() {
        return domains.resolve(DOMAIN).resolve("logs/server.log");
    }



    @Override
    public int port() {
        return portBase + 80;
    }

    /** The domain's JMX connector (the one JConsole and VisualVM use remotely). */
    int jmxPort() {
        return portBase + 86;
    }

    /** Runs an asadmin command against the domain; it must succeed. */
    void asadmin(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(adminOptions().split(" ")));
        all.addAll(List.of(args));
        check(asadmin(Map.of(), all.toArray(String[]::new)));
    }

    /** The names of the domain JVM's live threads, from a thread dump (the domain writes its pid to config/pid). */
    String threadDump() throws Exception {
        return FullServerSmoke.threadDump(Long.parseLong(Files.readString(domains.resolve(DOMAIN).resolve("config/pid")).trim()));
    }

    @Override
    public void close() {
        controller.stop(CONTAINER);
    }

    private Process asadmin(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(asadminPath()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void check(Process p) throws Exception {
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("asadmin did not finish; see " + log);
        }
        assertEquals(0, p.exitValue(), () -> "asadmin failed; see " + log);
    }

    /** A base whose hundred ports are free now (the domain uses base+4 … base+81). */
    private static int freePortBase() {
        for (int base = 24000; base < 40000; base += 100) {
            if (free(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base");
    }

    private static boolean free(int base) {
        for (int port = base; port < base + 100; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // free
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
