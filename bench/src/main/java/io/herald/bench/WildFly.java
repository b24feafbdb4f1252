package io.herald.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;

/**
 * The EAR on WildFly as the README installs it, for the {@code wildfly} target: a throwaway PostgreSQL
 * server (initdb with trust authentication, as user postgres when the generator runs as root, like
 * {@code .ci/run}), an Artemis broker inside the generator that requires a login, a JWT key pair of the
 * run, and WildFly {@code standalone-full} (a fresh copy of the distribution that {@code mvn package}
 * unpacked into {@code bench/target/wildfly}) on 127.0.0.1 with a free port offset, configured by
 * {@code server-config/src/main/wildfly/herald-resources.sh}, which deploys the EAR. {@link #start}
 * returns once the management interface's {@code /health/ready} answers 200. Everything lives in
 * {@code bench/target/wildfly-run}; {@link #close} stops what it started (WildFly by its process and
 * the JBoss CLI, PostgreSQL by its data directory's postmaster PID), also when a JVM shutdown hook
 * finds it still running.
 */
final class WildFly implements AutoCloseable {

    /** The ports of standalone-full without an offset (IIOP, AJP, HTTP, HTTPS, management, transactions). */
    private static final List<Integer> PORTS = List.of(3528, 3529, 4712, 4713, 8009, 8080, 8443, 9990, 9993);
    private static final String BROKER_USER = "herald-bench";
    private static final String DB = "herald";
    /** The same maximum heap as herald.jar gets ({@link Servers#herald}); WildFly's default is 512 MB. */
    static final String SIZING = "-Xms64m -Xmx1g";

    static {
        // the broker's per-message audit lines (it runs with security on here)
        Logger.getLogger("org.apache.activemq.audit").setLevel(Level.WARNING);
    }

    private final Path repo;
    private final Path work;
    private final Path log;
    private final Jwt jwt = Jwt.generate();
    private final String brokerPassword = secret(18);
    private final Thread hook = new Thread(this::closeQuietly, "wildfly-target-stop");
    private Path pgBin;
    private Path pgData;
    private boolean pgStarted;
    private String pgVersion = "?";
    private EmbeddedActiveMQ broker;
    private Path home;
    private int offset;
    private Process server;
    private long pid = -1;
    private boolean closed;

    private WildFly(Path repo, Path logs) {
        this.repo = repo;
        this.work = repo.resolve("bench/target/wildfly-run");
        this.log = logs.resolve("wildfly.log");
    }

    /** Starts database, broker and WildFly, runs the script; returns once Herald is ready. Stops what it started if that fails. */
    static WildFly start(Path repo, Path logs) throws Exception {
        Files.createDirectories(logs);
        WildFly wildfly = new WildFly(repo, logs);
        Runtime.getRuntime().addShutdownHook(wildfly.hook);
        try {
            wildfly.startAll();
            return wildfly;
        } catch (Exception | Error e) {
            wildfly.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path distribution = distribution(repo);
        Path ear = repo.resolve("ear/target/herald.ear");
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("no EAR at " + ear + ": mvn -B -DskipTests package -pl ear -am");
        }
        Files.writeString(log, "");
        stalePostgres();
        exec(Duration.ofMinutes(2), "rm", "-rf", work.toString());
        Files.createDirectories(work);
        // a copy: the other engineer's build may rewrite ear/target/herald.ear while the server deploys it
        Path earCopy = Files.copy(ear, work.resolve("herald.ear"));

        int pgPort = startPostgres();
        int brokerPort = startBroker();
        Path publicKey = jwt.writePublicKey(work.resolve("idp-public.pem"));

        home = work.resolve("server");
        exec(Duration.ofMinutes(5), "cp", "-a", distribution.toString(), home.toString());
        offset = freeOffset();
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1", "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment(builder.environment());
        builder.environment().put("JBOSS_JAVA_SIZING", SIZING);
        Bench.log("WildFly " + distribution.getFileName() + " starting (HTTP 127.0.0.1:" + httpPort() + ", management :" + (9990 + offset) + ")");
        server = builder.start();
        await(management("/health/live"), Duration.ofMinutes(3));

        Map<String, String> env = new HashMap<>();
        env.put("HERALD_DB_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + DB);
        env.put("HERALD_DB_USER", DB);
        env.put("HERALD_DB_PASSWORD", DB);
        env.put("HERALD_BROKER_HOST", "127.0.0.1");
        env.put("HERALD_BROKER_PORT", String.valueOf(brokerPort));
        env.put("HERALD_BROKER_USER", BROKER_USER);
        env.put("HERALD_BROKER_PASSWORD", brokerPassword);
        env.put("HERALD_JWT_KEY_LOCATION", publicKey.toString());
        env.put("HERALD_JWT_ISSUER", Jwt.ISSUER);
        env.put("HERALD_ORDERS_SECRET_KEY", secret(32));
        env.put("HERALD_EAR", earCopy.toString());
        env.put("HERALD_TX_NODE_ID", "herald-bench");
        Bench.log("herald-resources.sh: PostgreSQL, broker, JWT key, EclipseLink module, then the EAR (output in " + log + ")");
        Path script = repo.resolve("server-config/src/main/wildfly/herald-resources.sh");
        ProcessBuilder configure = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment(configure.environment());
        configure.environment().putAll(env);
        int exit = run(configure, Duration.ofMinutes(10));
        if (exit != 0) {
            throw new IllegalStateException("herald-resources.sh failed with " + exit + "; see " + log);
        }
        await(management("/health/ready"), Duration.ofMinutes(3));
        // the script restarts the JVM when it added modules (standalone.sh starts a new one): read the PID now
        pid = server.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no WildFly JVM under " + server.pid())).pid();
    }

    /** The distribution {@code mvn package} unpacked into {@code bench/target/wildfly}. */
    static Path distribution(Path repo) throws IOException {
        Path unpacked = repo.resolve("bench/target/wildfly");
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> dirs = Files.list(unpacked)) {
                List<Path> found = dirs.filter(d -> Files.isRegularFile(d.resolve("bin/standalone.sh"))).sorted().toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            }
        }
        throw new IllegalStateException("no WildFly under " + unpacked + ": mvn -B -o -DskipTests package -pl bench -am unpacks it");
    }

    int httpPort() {
        return 8080 + offset;
    }

    /** The WildFly JVM (not the standalone.sh shell that runs it). */
    long pid() {
        return pid;
    }

    /** A token of the run's key pair, which WildFly trusts. */
    String token(String subject, String... groups) {
        return jwt.sign(subject, 3 * 3600, groups);
    }

    /** What ran, for the report's machine lines. */
    String describe() {
        return distributionName() + " standalone-full (" + SIZING + "), EAR configured by herald-resources.sh; PostgreSQL " + pgVersion
                + " (default settings); Artemis broker with a login inside the generator";
    }

    private String distributionName() {
        try {
            return distribution(repo).getFileName().toString();
        } catch (IOException e) {
            return "wildfly";
        }
    }

    URI management(String path) {
        return URI.create("http://127.0.0.1:" + (9990 + offset) + path);
    }

    // --- PostgreSQL ---------------------------------------------------------------------------------------------

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command run as user postgres when the generator is root (initdb refuses root), else as is. */
    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static Path postgresBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                List<Path> bins = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted((a, b) -> Integer.compare(major(a), major(b))).toList();
                if (!bins.isEmpty()) {
                    return bins.get(bins.size() - 1);
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql/*/bin: apt-get install postgresql (bench/run.sh does)");
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** initdb (trust), pg_ctl start on a free 127.0.0.1 port, the user and database herald; @return the port */
    private int startPostgres() throws Exception {
        pgBin = postgresBin();
        Path dir = Files.createDirectories(work.resolve("pg"));
        if (root()) {
            exec(Duration.ofSeconds(30), "chown", "postgres", dir.toString());
        }
        pgData = dir.resolve("data");
        exec(Duration.ofMinutes(2), asPostgres(pgBin.resolve("initdb").toString(), "-D", pgData.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8"));
        int port = Servers.freePort();
        pgStarted = true;
        exec(Duration.ofMinutes(2), asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"));
        exec(Duration.ofMinutes(1), asPostgres(pgBin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-q", "-c", "CREATE USER " + DB + " PASSWORD '" + DB + "'", "-c", "CREATE DATABASE " + DB + " OWNER " + DB));
        pgVersion = Bench.output(pgBin.resolve("postgres").toString(), "--version").replaceAll(".*\\s(\\d+(\\.\\d+)?).*", "$1");
        Bench.log("PostgreSQL " + pgVersion + " on 127.0.0.1:" + port + " (" + pgData + ")");
        return port;
    }

    /** A server of an earlier run that was killed before it could stop its database: stop that one (it is ours). */
    private void stalePostgres() throws Exception {
        Path data = work.resolve("pg/data");
        if (Files.isRegularFile(data.resolve("postmaster.pid"))) {
            pgBin = postgresBin();
            pgData = data;
            pgStarted = true;
            stopPostgres();
        }
    }

    private void stopPostgres() {
        if (!pgStarted) {
            return;
        }
        pgStarted = false;
        try {
            exec(Duration.ofMinutes(2), asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-m", "fast", "-w", "stop"));
        } catch (Exception e) {
            // pg_ctl could not: the postmaster of this data directory by its PID (the first line of postmaster.pid)
            try {
                long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
                ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
            } catch (Exception none) {
                // no postmaster.pid: it is not running
            }
        }
    }

    // --- broker -------------------------------------------------------------------------------------------------

    /** An Artemis broker that requires the login the script gives WildFly's pooled connection factory; @return its port */
    private int startBroker() throws Exception {
        int port = Servers.freePort();
        ConfigurationImpl config = Servers.brokerConfiguration("bench-wildfly-broker", port);
        config.setSecurityEnabled(true);
        config.putSecurityRoles("#", Set.of(new Role("herald", true, true, true, true, true, true, true, true, true, true)));
        ActiveMQSecurityManagerImpl users = new ActiveMQSecurityManagerImpl();
        users.getConfiguration().addUser(BROKER_USER, brokerPassword);
        users.getConfiguration().addRole(BROKER_USER, "herald");
        broker = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(users).start();
        return port;
    }

    // --- WildFly ------------------------------------------------------------------------------------------------

    /** The environment of WildFly and of the script: this JDK; none of the generator's Herald or JVM settings. */
    private void environment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("HERALD_") || k.startsWith("MP_") || k.equals("JAVA_OPTS") || k.startsWith("JBOSS_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("WILDFLY_HOME", home.toString());
        env.put("JBOSS_CLI_OPTS", cliOptions());
    }

    /**
     * The controller, and a connection timeout of 3 minutes: the CLI's {@code shutdown --restart=true} (the script's
     * restart after it added modules) waits for the server only that timeout + 1 s after a 2 s pause, 8 s by default,
     * and fails the script when the restart takes longer, as it does on this machine under load (30 s seen).
     */
    private String cliOptions() {
        return "--controller=remote+http://127.0.0.1:" + (9990 + offset) + " --timeout=180000";
    }

    private void await(URI uri, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + server.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = Target.HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(uri + " not 200 after " + timeout.toSeconds() + " s: " + last + "; see " + log);
    }

    /** An offset at which all of standalone-full's ports are free now. */
    private static int freeOffset() {
        for (int candidate = 300; candidate < 20000; candidate += 100) {
            int o = candidate;
            if (PORTS.stream().allMatch(port -> free(port + o))) {
                return candidate;
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

    /** {@code :shutdown} through the JBoss CLI, then the JVM and its shell by their handles if they are still there after a minute. */
    private void stopServer() {
        if (server == null) {
            return;
        }
        Process process = server;
        server = null;
        List<ProcessHandle> jvms = process.descendants().toList();
        if (process.isAlive()) {
            try {
                ProcessBuilder cli = new ProcessBuilder("bash", home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                        "--controller=remote+http://127.0.0.1:" + (9990 + offset), "--timeout=30000", "--command=:shutdown")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                environment(cli.environment());
                run(cli, Duration.ofMinutes(2));
                process.waitFor(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                // stopped by handle below
            }
        }
        List<ProcessHandle> left = new ArrayList<>(process.descendants().toList());
        left.addAll(jvms);
        for (ProcessHandle h : left) {
            h.destroyForcibly();
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- processes ----------------------------------------------------------------------------------------------

    /** Runs a command to its end (output to the WildFly log); fails on a non-zero exit. */
    private void exec(Duration timeout, String... command) throws Exception {
        exec(timeout, List.of(command));
    }

    private void exec(Duration timeout, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        int exit = run(builder, timeout);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + exit + "; see " + log);
        }
    }

    /** Starts a command and waits for it; kills it by its handle after {@code timeout}. @return its exit code */
    private static int run(ProcessBuilder builder, Duration timeout) throws Exception {
        Process p = builder.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(builder.command() + " did not finish within " + timeout.toSeconds() + " s");
        }
        return p.exitValue();
    }


    private static String secret(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /** Stops WildFly, the broker and PostgreSQL, each even if another fails. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
        stopServer();
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            Bench.log("broker stop: " + e);
        }
        stopPostgres();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // the JVM is ending
        }
    }
}
