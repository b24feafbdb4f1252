package io.herald.it.fullserver;

import io.herald.it.Gateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly server ({@code standalone-full}) of its own: a copy of the distribution that the
 * {@code full-servers} profile unpacked (the script adds modules, so every run starts from the
 * distribution), bound to 127.0.0.1 with a free port offset, configured by the repository's script
 * as a user would run it, and shut down at the end.
 */
final class WildFlyServer implements Gateway, AutoCloseable {

    /** The ports of standalone-full without an offset (IIOP, AJP, HTTP, HTTPS, management, transactions). */
    private static final List<Integer> PORTS = List.of(3528, 3529, 4712, 4713, 8009, 8080, 8443, 9990, 9993);

    private final Path home;
    private final Path log;
    private final int offset;
    private final Process process;

    private WildFlyServer(Path home, Path log, int offset, Process process) {
        this.home = home;
        this.log = log;
        this.offset = offset;
        this.process = process;
    }

    /** Copies the distribution and starts the server; returns once its management interface answers. */
    static WildFlyServer start() throws Exception {
        Path distribution = Path.of(System.getProperty("herald.wildfly.home", "target/wildfly/wildfly-39.0.1.Final")).toAbsolutePath();
        if (!Files.isRegularFile(distribution.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("no WildFly at " + distribution + " (the full-servers profile unpacks it)");
        }
        Path home = Path.of("target", "wildfly-it").toAbsolutePath();
        run(List.of("rm", "-rf", home.toString()));
        run(List.of("cp", "-a", distribution.toString(), home.toString()));
        Path log = Files.createDirectories(Path.of(System.getProperty("herald.it.logs", "target/it-logs"))).resolve("wildfly.log");
        int offset = freeOffset();
        Process process = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1", "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        WildFlyServer server = new WildFlyServer(home, log, offset, process);
        server.awaitManagement();
        return server;
    }

    private void awaitManagement() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> reply = client.send(HttpRequest.newBuilder(management("/health/live")).build(), HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("WildFly did not start within 3 minutes; see " + log);
    }

    Path home() {
        return home;
    }

    /** The options the script passes to the JBoss CLI ({@code JBOSS_CLI_OPTS}). */
    String cliOptions() {
        return "--controller=remote+http://127.0.0.1:" + (9990 + offset);
    }

    URI management(String path) {
        return URI.create("http://127.0.0.1:" + (9990 + offset) + path);
    }

    /** Runs a script with the environment; its output goes to the server's IT log; @return the exit code */
    int run(Path script, Map<String, String> environment) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("WILDFLY_HOME", home.toString());
        env.put("JBOSS_CLI_OPTS", cliOptions());
        return FullServerSmoke.runScript(script, env, log);
    }

    /** Runs one JBoss CLI command; @return its exit code (its output goes to the log) */
    int cli(String command) throws Exception {
        Process p = new ProcessBuilder("bash", home.resolve("bin/jboss-cli.sh").toString(), "--connect", cliOptions(), "--command=" + command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the JBoss CLI did not finish within 5 minutes; see " + log);
        }
        return p.exitValue();
    }

    /** The names of the server JVM's live threads, from a thread dump. */
    String threadDump() throws Exception {
        long pid = process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no WildFly JVM")).pid();
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes());
        p.waitFor(1, TimeUnit.MINUTES);
        return dump;
    }

    String logText() throws IOException {
        return Files.readString(log);
    }



    @Override
    public int port() {
        return 8080 + offset;
    }

    @Override
    public void close() throws Exception {
        cli(":shutdown");
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
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
