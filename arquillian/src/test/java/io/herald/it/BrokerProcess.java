package io.herald.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An Artemis broker in a JVM of its own on 127.0.0.1, with a journal on disk, so that a test can
 * {@code kill -9} it like a broker process in production and start it again on the same port and
 * journal.
 */
public final class BrokerProcess implements AutoCloseable {

    private final int port = HeraldNode.freePort();
    private final Path journal;
    private final Path logFile;
    private Process process;

    public BrokerProcess(String name) throws IOException {
        Path logs = Path.of(System.getProperty("herald.it.logs", "target/it-logs"));
        Files.createDirectories(logs);
        this.journal = Files.createTempDirectory("herald-it-broker-");
        this.logFile = logs.resolve(name + "-broker.log");
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker process and waits until it accepts connections. */
    public BrokerProcess start() throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, BrokerProcess.class.getName(), String.valueOf(port), journal.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker process exited with " + process.exitValue() + "; see " + logFile);
            }
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the broker did not listen on " + port + " within 60 s; see " + logFile);
    }

    /** {@code kill -9}: no shutdown of any kind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    /** The broker process: {@code BrokerProcess <port> <journal directory>}. */
    public static void main(String[] args) throws Exception {
        Logger.getLogger("org.apache.activemq.audit").setLevel(Level.WARNING);
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("herald-it-broker-process");
        config.setPersistenceEnabled(true);
        config.setJournalDirectory(args[1] + "/journal");
        config.setBindingsDirectory(args[1] + "/bindings");
        config.setLargeMessagesDirectory(args[1] + "/large");
        config.setPagingDirectory(args[1] + "/paging");
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("it", "tcp://127.0.0.1:" + args[0] + "?protocols=CORE");
        new EmbeddedActiveMQ().setConfiguration(config).start();
        Thread.currentThread().join();
    }
}
