package io.herald.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The subscribers of one scenario, all in one Node.js process on the {@code ws} package
 * ({@code bench/peer/subscribers.js}): the JDK WebSocket client tops out near 50,000 deliveries/s on
 * this machine, below what the servers deliver. {@link #open} returns once every socket is subscribed;
 * {@link #outcome} once the expected events arrived, or after asking the process to {@code stop}.
 * The process is stopped by its handle in {@link #close}.
 */
final class NodeSubscribers implements AutoCloseable {

    /** Handshakes in flight at once, as for the JDK subscribers. */
    static final int CONCURRENCY = 64;
    /** subscribers.js stops by itself this long after ready if the generator never says {@code stop}. */
    static final Duration BACKSTOP = Duration.ofMinutes(10);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(300);
    private static final String EOF = "\u0000eof";

    private static volatile Path peerDir = Path.of("bench/peer");
    private static volatile Path logs = Path.of("bench/target/logs");

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /** What subscribers.js measured; latencies in whole ms ({@code -1}: no event), times in epoch ms. */
    record Outcome(long received, long firstAt, long lastAt, double p50, double p99, double p999, double max, int closed) {

        /** Reads its result line, {@code {"received":…,"firstAt":…,"lastAt":…,"p50":…,"p99":…,"p999":…,"max":…,"closed":…}}. */
        static Outcome parse(String line) {
            return new Outcome((long) number(line, "received"), (long) number(line, "firstAt"), (long) number(line, "lastAt"),
                    number(line, "p50"), number(line, "p99"), number(line, "p999"), number(line, "max"), (int) number(line, "closed"));
        }

        Result result(String scenario, String target, int subscribers, int events, double perSecond, long expected) {
            Result result = Result.deliveries(scenario, target, subscribers, events, perSecond, expected - received, p50, p99, p999, max);
            return closed == 0 ? result : result.withNote(closed + " sockets closed early");
        }
    }

    private NodeSubscribers(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                lines.add(EOF);
            }
        }, "node-subscribers");
        reader.setDaemon(true);
        reader.start();
    }

    /** Where subscribers.js (with its node_modules) is and where its stderr goes. */
    static void configure(Path peerDirectory, Path logDirectory) {
        peerDir = peerDirectory;
        logs = logDirectory;
    }

    /**
     * Starts subscribers.js with {@code count} sockets on the target's {@link Target.Subscription} and waits until
     * every one is subscribed; it then waits for {@code expected} events.
     */
    static NodeSubscribers open(Target target, int count, long expected) throws Exception {
        Files.createDirectories(logs);
        String config = config(target.subscription(), count, expected, BACKSTOP.toMillis());
        Process process = new ProcessBuilder("node", peerDir.resolve("subscribers.js").toString(), config)
                .directory(peerDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("subscribers.log").toFile()))
                .start();
        NodeSubscribers subscribers = new NodeSubscribers(process);
        try {
            String ready = subscribers.next(OPEN_TIMEOUT);
            if (ready == null || !ready.contains("\"ready\":true")) {
                throw new IllegalStateException("subscribers.js not ready after " + OPEN_TIMEOUT.toSeconds() + " s: " + ready);
            }
            int opened = (int) number(ready, "opened");
            if (opened < count) {
                throw new IllegalStateException("only " + opened + " of " + count + " subscribers confirmed on "
                        + target.subscription().url() + " (see " + logs.resolve("subscribers.log") + ")");
            }
            return subscribers;
        } catch (Exception e) {
            subscribers.close();
            throw e;
        }
    }

    /** Waits up to {@code wait} for the result; then sends {@code stop} and takes what arrived. */
    Outcome outcome(Duration wait) throws Exception {
        String line = next(wait);
        if (line == null) {
            stdin.write("stop\n");
            stdin.flush();
            line = next(Duration.ofSeconds(30));
        }
        if (line == null) {
            throw new IllegalStateException("subscribers.js sent no result");
        }
        return Outcome.parse(line);
    }

    /** The next line of the process, {@code null} after {@code wait}; fails if the process ended. */
    private String next(Duration wait) throws Exception {
        String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (EOF.equals(line)) {
            lines.add(EOF);
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("subscribers.js ended" + (process.isAlive() ? "" : " with " + process.exitValue())
                    + " (see " + logs.resolve("subscribers.log") + ")");
        }
        return line;
    }

    /**
     * Ends the process: after its result it closes its sockets and exits by itself; else {@code stop} asks it to.
     * SIGTERM if it has not exited after 5 s, SIGKILL after 10 s more.
     */
    @Override
    public void close() {
        try {
            stdin.write("stop\n");
            stdin.flush();
        } catch (IOException e) {
            // it has exited already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The one line of JSON configuration subscribers.js reads. */
    static String config(Target.Subscription s, int count, long expected, long timeoutMillis) {
        String headers = s.headers().entrySet().stream().map(h -> quote(h.getKey()) + ":" + quote(h.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"url\":" + quote(s.url().toString()) + ",\"count\":" + count + ",\"headers\":" + headers
                + ",\"subscribe\":" + quote(s.subscribe()) + (s.waitFor() == null ? "" : ",\"waitFor\":" + quote(s.waitFor()))
                + ",\"confirm\":\"subscribed\",\"event\":\"order:updated\",\"timestampField\":\"timestamp\""
                + ",\"expected\":" + expected + ",\"timeoutMs\":" + timeoutMillis + ",\"concurrency\":" + CONCURRENCY + "}";
    }

    /** A JSON string. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** The number of field {@code name} in a flat JSON line. */
    static double number(String line, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":(-?[0-9.eE+-]+)").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in " + line);
        }
        return Double.parseDouble(m.group(1));
    }
}
