package io.herald.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;

/** Starts and stops the processes under test, each by the handle of the process it started, and reads their memory. */
public final class Servers implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");
    private final List<Process> started = new ArrayList<>();
    private final Path heraldJar;
    private final Path peerDir;
    private final Path logs;

    Servers(Path heraldJar, Path peerDir, Path logs) throws IOException {
        this.heraldJar = heraldJar;
        this.peerDir = peerDir;
        this.logs = Files.createDirectories(logs);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An in-memory Artemis broker for the bench, named {@code name}, with one CORE acceptor on
     * 127.0.0.1:{@code port}, no journal and no JMX; the caller sets its security.
     */
    static ConfigurationImpl brokerConfiguration(String name, int port) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName(name);
        config.setPersistenceEnabled(false);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("bench", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        return config;
    }

    /** herald.jar on a free port with the given environment (empty: the embedded default); returns once ready. */
    Process herald(String name, int port, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx1g", "-jar", heraldJar.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HERALD_") || k.startsWith("MP_JWT_"));
        builder.environment().putAll(environment);
        Process process = start(builder);
        awaitStatus(URI.create("http://127.0.0.1:" + port + "/health/ready"), process, Duration.ofSeconds(180));
        return process;
    }

    Process peer(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "--expose-gc", "server.js", String.valueOf(port)).directory(peerDir.toFile())
                .redirectErrorStream(true).redirectOutput(logs.resolve("peer.log").toFile());
        Process process = start(builder);
        awaitStatus(URI.create("http://127.0.0.1:" + port + "/stats"), process, Duration.ofSeconds(30));
        return process;
    }

    /** A demo JWT from herald.jar's token command. */
    String token(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", heraldJar.toString(), "token"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("token command failed: " + out);
        }
        return out;
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static void awaitStatus(URI uri, Process process, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(uri + ": the process exited with " + process.exitValue());
            }
            try {
                if (Target.HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(uri + " not ready after " + timeout.toSeconds() + " s");
    }

    /** Stops one process (SIGTERM, then SIGKILL after 30 s). */
    void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        started.remove(process);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : List.copyOf(started)) {
            stop(process);
        }
    }

    /** Heap in use after two full GCs of a JVM, in bytes. */
    static long jvmHeapAfterGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("cannot read the heap of " + pid);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** heapUsed of the peer after a full GC (its /stats calls gc()). */
    static long peerHeap(int port) throws Exception {
        String stats = Target.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats")).build(), 200).body();
        Matcher heap = Pattern.compile("\"heapUsed\":(\\d+)").matcher(stats);
        return heap.find() ? Long.parseLong(heap.group(1)) : -1;
    }

    /** VmRSS in bytes and the thread count of a process. */
    static long[] rssAndThreads(long pid) throws IOException {
        long rss = -1;
        long threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, threads};
    }

    /**
     * CPU time (user and system) used so far by a process and by its JIT compiler threads ("C1/C2 CompilerThre" in
     * {@code /proc/<pid>/task/<tid>/comm}), in milliseconds; {@code null} where there is no {@code /proc}.
     */
    static long[] cpuAndCompilerMillis(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        long all = 0;
        long compilers = 0;
        try (var threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                try {
                    long millis = cpuMillis(Files.readString(task.resolve("stat")));
                    all += millis;
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        compilers += millis;
                    }
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return null;
        }
        return new long[] {all, compilers};
    }

    /** utime + stime of a {@code /proc/.../stat} line, in ms (clock ticks of 10 ms); the name in parentheses may hold spaces. */
    static long cpuMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is the state (field 3 of the line): utime and stime are fields 14 and 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** The output of {@code jcmd <pid> <command>}. */
    static String jcmdOutput(long pid, String command) throws Exception {
        return jcmd(pid, command);
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
