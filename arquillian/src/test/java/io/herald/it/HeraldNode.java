package io.herald.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Herald gateway process started from the build's {@code herald.jar}, as a user would start
 * it, with configuration through environment variables. Stopped by its own PID (SIGTERM).
 */
public final class HeraldNode implements Gateway, AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private HeraldNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node and waits until {@code /health/ready} answers 200. */
    public static HeraldNode start(String name, Map<String, String> environment) {
        int port = freePort();
        Path jar = Path.of(System.getProperty("herald.jar", "../server-config/target/herald.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("herald.jar not built: " + jar);
        }
        Path logs = Path.of(System.getProperty("herald.it.logs", "target/it-logs"));
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--port", String.valueOf(port)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("HERALD_") || k.startsWith("MP_JWT_"));
            builder.environment().putAll(environment);
            HeraldNode node = new HeraldNode(name, port, builder.start(), log);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }



    @Override
    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end (after a SIGTERM); the exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS).exitValue();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook runs, as after {@code kill -9}. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(http("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    System.out.println(Instant.now() + " " + name + " ready on port " + port + ": " + ready.body());
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                // the poll interval doubles as the check that the process is still alive
                process.onExit().get(250, TimeUnit.MILLISECONDS);
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            } catch (TimeoutException stillRunning) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code java -jar herald.jar token <args>} as a user would and returns the printed demo token. */
    public static String demoToken(String... args) {
        Path jar = Path.of(System.getProperty("herald.jar", "../server-config/target/herald.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "token"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("HERALD_") || k.startsWith("MP_JWT_"));
        try {
            Process process = builder.start();
            String token = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("herald.jar token " + String.join(" ", args) + " failed");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
