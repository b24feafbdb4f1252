package io.herald.it.fullserver;

import io.herald.it.Gateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * A WildFly server ({@code standalone-full}) of its own, started and stopped by Arquillian's managed
 * WildFly container ({@value #CONTAINER} in {@code arquillian-wildfly.xml}, manual mode): a copy of the
 * distribution that the {@code full-servers} profile unpacked (the script adds modules, so every run
 * starts from the distribution), bound to 127.0.0.1 with a free port offset, configured by the
 * repository's script as a user would run it.
 */
final class WildFlyServer implements Gateway, AutoCloseable {

    /** The container's qualifier in arquillian-wildfly.xml. */
    static final String CONTAINER = "wildfly";

    /** The ports of standalone-full without an offset (IIOP, AJP, HTTP, HTTPS, management, transactions). */
    private static final List<Integer> PORTS = List.of(3528, 3529, 4712, 4713, 8009, 8080, 8443, 9990, 9993);

    private final ContainerController controller;
    private final Path home;
    private final Path scriptLog;
    private final int offset;
    private final Map<String, String> configuration;

    private WildFlyServer(ContainerController controller, Path home, Path scriptLog, int offset) {
        this.controller = controller;
        this.home = home;
        this.scriptLog = scriptLog;
        this.offset = offset;
        this.configuration = Map.of(
                "jbossHome", home.toString(),
                "managementPort", String.valueOf(9990 + offset),
                "javaVmArguments", "-Xmx768m -Djboss.socket.binding.port-offset=" + offset
                        + " -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1");
    }

    /** Copies the distribution and has Arquillian start the server; returns once it is up. */
    static WildFlyServer start(ContainerController controller) throws Exception {
        Path distribution = Path.of(System.getProperty("herald.wildfly.home", "target/wildfly/wildfly-39.0.1.Final")).toAbsolutePath();
        if (!Files.isRegularFile(distribution.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("no WildFly at " + distribution + " (the full-servers profile unpacks it)");
        }
        Path home = Path.of("target", "wildfly-it").toAbsolutePath();
        run(List.of("rm", "-rf", home.toString()));
        run(List.of("cp", "-a", distribution.toString(), home.toString()));
        Path log = Files.createDirectories(Path.of(System.getProperty("herald.it.logs", "target/it-logs"))).resolve("wildfly.log");
        int offset = freeOffset();
        WildFlyServer server = new WildFlyServer(controller, home, log, offset);
        controller.start(CONTAINER, server.configuration);
        return server;
    }

    /** The options the script passes to the JBoss CLI ({@code JBOSS_CLI_OPTS}). */
    String cliOptions() {
        return "--controller=remote+http://127.0.0.1:" + (9990 + offset);
    }

    URI management(String path) {
        return URI.create("http://127.0.0.1:" + (9990 + offset) + path);
    }

    /**
     * Runs a script with the environment; its output goes to the scripts' IT log. A script that adds
     * modules restarts the server ({@code shutdown --restart=true}): WildFly then exits and leaves the
     * restart to whatever launched it (standalone.sh loops), so here Arquillian starts it again, with
     * the same configuration, while the script waits for it. @return the script's exit code
     */
    int run(Path script, Map<String, String> environment) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("WILDFLY_HOME", home.toString());
        env.put("JBOSS_CLI_OPTS", cliOptions());
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> scriptDone = CompletableFuture.supplyAsync(() -> {
                try {
                    return FullServerSmoke.runScript(script, env, scriptLog);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, runner);
            while (true) {
                CompletableFuture.anyOf(scriptDone, serverJvm().onExit()).get();
                if (scriptDone.isDone()) {
                    return scriptDone.get();
                }
                try {
                    controller.stop(CONTAINER);
                } catch (RuntimeException alreadyGone) {
                    // the process has exited; stop only brings Arquillian's view of it up to date
                }
                controller.start(CONTAINER, configuration);
            }
        } finally {
            runner.shutdownNow();
        }
    }

    /** The server JVM that Arquillian started (a child of this JVM, found by its home directory). */
    private ProcessHandle serverJvm() {
        String marker = "-Djboss.home.dir=" + home;
        return ProcessHandle.current().descendants().filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no WildFly JVM with " + marker));
    }

    /** The names of the server JVM's live threads, from a thread dump of the JVM that Arquillian started. */
    String threadDump() throws Exception {
        return FullServerSmoke.threadDump(serverJvm().pid());
    }

    /** What the scripts printed. */
    String scriptOutput() throws IOException {
        return Files.exists(scriptLog) ? Files.readString(scriptLog) : "";
    }

    /** The server's own log. */
    String serverLog() throws IOException {
        return Files.readString(home.resolve("standalone/log/server.log"));
    }

    @Override
    public int port() {
        return 8080 + offset;
    }

    @Override
    public void close() {
        controller.stop(CONTAINER);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }

    /** An offset at which all of standalone-full's ports are free now. */
    private static int freeOffset() {
        for (int offset = 300; offset < 20000; offset += 100) {
            int o = offset;
            if (PORTS.stream().allMatch(port -> free(port + o))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset");
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
