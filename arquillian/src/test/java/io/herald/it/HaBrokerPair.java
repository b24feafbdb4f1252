package io.herald.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An Artemis primary/backup pair (shared store) on 127.0.0.1, made and started by the repository's
 * {@code server-config/src/main/broker/artemis-ha-pair.sh} from the Apache Artemis distribution,
 * as the README's recipe does; {@link #killPrimary()} is {@code kill -9} of the primary's process.
 */
public final class HaBrokerPair implements AutoCloseable {

    public static final String USER = "herald";
    public static final String PASSWORD = "herald-ha";

    private final Path dir;
    private final Path log;
    private final int primaryPort = HeraldNode.freePort();
    private final int backupPort = HeraldNode.freePort();

    public HaBrokerPair(String name) throws IOException {
        Path logs = Files.createDirectories(Path.of(System.getProperty("herald.it.logs", "target/it-logs")));
        this.log = logs.resolve(name + "-ha.log");
        this.dir = Files.createTempDirectory("herald-it-ha-");
    }

    public HaBrokerPair start() throws Exception {
        script("create");
        script("start");
        return this;
    }

    /** Both brokers, for {@code herald.broker.url}. */
    public String url() {
        return "tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort;
    }

    public Map<String, String> nodeEnvironment() {
        return Map.of("HERALD_BROKER_URL", url(), "HERALD_BROKER_USER", USER, "HERALD_BROKER_PASSWORD", PASSWORD);
    }

    public void killPrimary() throws Exception {
        long pid = Long.parseLong(Files.readString(dir.resolve("primary.pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    /** Starts the primary again after {@link #killPrimary}: Artemis fails back to it from the live backup. */
    public void restartPrimary() throws Exception {
        script("start");
    }

    /** Stops the backup (live once the primary died) with SIGSTOP for {@code millis}, then lets it go on: a broker that hangs. */
    public void hangBackup(long millis) throws Exception {
        long pid = Long.parseLong(Files.readString(dir.resolve("backup.pid")).trim());
        signal("STOP", pid);
        try {
            Thread.sleep(millis);
        } finally {
            signal("CONT", pid);
        }
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + pid + " failed");
        }
    }

    private void script(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("herald.ha.script", "../server-config/src/main/broker/artemis-ha-pair.sh"), command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ARTEMIS_HOME", System.getProperty("herald.artemis.home", "target/artemis/apache-artemis-2.40.0"));
        builder.environment().put("HERALD_HA_DIR", dir.toString());
        builder.environment().put("HERALD_HA_PRIMARY_PORT", String.valueOf(primaryPort));
        builder.environment().put("HERALD_HA_BACKUP_PORT", String.valueOf(backupPort));
        builder.environment().put("HERALD_BROKER_USER", USER);
        builder.environment().put("HERALD_BROKER_PASSWORD", PASSWORD);
        Process p = builder.start();
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("artemis-ha-pair.sh " + command + " failed; see " + log);
        }
    }

    @Override
    public void close() throws Exception {
        script("stop");
    }
}
