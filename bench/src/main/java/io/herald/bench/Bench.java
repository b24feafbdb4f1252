package io.herald.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.h2.tools.Server;

/**
 * {@code java -jar bench/target/herald-bench.jar [--quick] [--repo DIR] [--wildfly | --no-wildfly | --wildfly-only]
 * [--results DIR]}: runs every scenario against herald.jar (embedded default) and the Node peer, the fan-out and
 * idle-connections scenarios against the same EAR on WildFly ({@link WildFly}), then two Herald nodes on one
 * broker, prints the table and writes {@code bench/results/} ({@code --wildfly-only}: {@code bench/target/results/}).
 */
public final class Bench {

    /** Size of the event data: about what a commerce order event carries. */
    static final int EVENT_BYTES = 330;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        int repoAt = options.indexOf("--repo");
        Path repo = Path.of(repoAt >= 0 ? args[repoAt + 1] : ".").toAbsolutePath().normalize();
        if (options.contains("--soak")) {
            Soak.run(repo, option(args, "--minutes", 30), option(args, "--connections", 1000), option(args, "--rate", 10));
            return;
        }
        // --wildfly-only: the WildFly target and the peer (the reference of its ratio), nothing else; its partial
        // table goes to bench/target/results so that it never replaces the full run's bench/results
        boolean wildflyOnly = options.contains("--wildfly-only");
        boolean wildfly = wildflyOnly || options.contains("--wildfly") || (WILDFLY_BY_DEFAULT && !options.contains("--no-wildfly"));
        int resultsAt = options.indexOf("--results");
        Path results = resultsAt >= 0 ? Path.of(args[resultsAt + 1]).toAbsolutePath()
                : repo.resolve(wildflyOnly ? "bench/target/results" : "bench/results");
        Path jar = repo.resolve("server-config/target/herald.jar");
        Path logs = repo.resolve("bench/target/logs");
        NodeSubscribers.configure(repo.resolve("bench/peer"), logs);
        List<Result> all = new ArrayList<>();
        Sizes sizes = quick ? new Sizes(new int[] {100}, 50, 3, 1000, 50, 1, 2) : new Sizes(new int[] {500, 1000}, 200, 10, 10_000, 300, 10, 10);
        Map<String, String> machine = machine();

        try (Servers servers = new Servers(jar, repo.resolve("bench/peer"), logs)) {
            int peerPort = Servers.freePort();
            Process peerProcess = servers.peer(peerPort);
            Target.Peer peer = new Target.Peer(peerPort, peerProcess.pid(), EVENT_BYTES);
            if (!wildflyOnly) {
                heraldAndPeer(servers, peer, sizes, all);
            }
            if (wildfly) {
                all.addAll(wildfly(repo, logs, peer, wildflyOnly, sizes, machine));
            }
            servers.stop(peerProcess);
            if (!wildflyOnly) {
                all.add(run(() -> crossNode(servers, quick ? 20 : 100, sizes.seconds())));
            }
        }

        List<Result> table = Report.grouped(all);
        StringBuilder command = new StringBuilder("bench/run.sh");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--repo") || args[i].equals("--results")) {
                i++;
            } else {
                command.append(' ').append(args[i]);
            }
        }
        System.out.println();
        System.out.println(Report.table(table));
        System.out.println(Report.TARGETS);
        Report.write(results, table, machine, command.toString());
        log("wrote " + results.resolve("latest.md") + ", latest.json, fanout.png, latency.png");
    }

    /** Whether a run without {@code --wildfly}/{@code --no-wildfly} includes the WildFly target. */
    static final boolean WILDFLY_BY_DEFAULT = true;

    /**
     * The sizes of a run: full or {@code --quick}. {@code warmUpRounds}: at most this many warm-up rounds per server
     * ({@link #warmUp(long, Sizes, Target...)}).
     */
    record Sizes(int[] fanout, int events, int seconds, int idle, int warmUpEvents, int warmUpRounds, int settleSeconds) {
    }

    /** A server is warm once its JIT compiler threads take less than this share of its CPU over a warm-up round. */
    static final double WARM_COMPILER_SHARE = 0.10;

    /** herald.jar (embedded default) and the peer: every scenario but cross-node. */
    private static void heraldAndPeer(Servers servers, Target.Peer peer, Sizes sizes, List<Result> all) throws Exception {
        int heraldPort = Servers.freePort();
        Process heraldProcess = servers.herald("herald", heraldPort, Map.of());
        String token = servers.token("bench", "--groups", "admin");
        Target.HeraldCommerce herald = new Target.HeraldCommerce("herald", heraldPort, heraldProcess.pid());
        Target.HeraldEphemeral heraldEphemeral = new Target.HeraldEphemeral("herald", heraldPort, heraldProcess.pid(), token, EVENT_BYTES);

        log("warming up both servers (not measured)");
        int rounds = warmUp(heraldProcess.pid(), sizes, herald, heraldEphemeral);
        warmUpPeer(peer, sizes, rounds);
        TimeUnit.SECONDS.sleep(sizes.settleSeconds());

        for (int subscribers : sizes.fanout()) {
            all.add(run(() -> Scenarios.fanout("fan-out REST", herald, subscribers, sizes.events())));
            all.add(run(() -> Scenarios.fanout("fan-out ephemeral", heraldEphemeral, subscribers, sizes.events())));
            all.add(run(() -> Scenarios.fanout("fan-out REST", peer, subscribers, sizes.events())));
        }
        for (Target target : List.of(herald, peer)) {
            all.add(run(() -> Scenarios.paced("latency 1 subscriber", target, 1, 50, sizes.seconds())));
            all.add(run(() -> Scenarios.paced("latency 10,000/s", target, 100, 100, sizes.seconds())));
        }
        all.add(run(() -> Scenarios.idle(herald, sizes.idle(), true)));
        all.add(run(() -> Scenarios.idle(peer, sizes.idle(), false)));
        servers.stop(heraldProcess);
    }

    /**
     * The same EAR on WildFly ({@link WildFly}: PostgreSQL, a broker with a login, the configuration script) as target
     * {@code wildfly}: the warm-up, fan-out REST and ephemeral at every size and idle connections, as herald.jar gets
     * them. With {@code withPeer} the peer runs its rows beside it (for {@code --wildfly-only}; otherwise the ratio
     * takes the peer's rows of the same run). Everything it started is stopped before it returns, also when it fails.
     */
    static List<Result> wildfly(Path repo, Path logs, Target.Peer peer, boolean withPeer, Sizes sizes, Map<String, String> machine) {
        List<Result> rows = new ArrayList<>();
        long started = System.nanoTime();
        log("WildFly target: PostgreSQL, an Artemis broker with a login, WildFly standalone-full, herald-resources.sh, the EAR");
        try (WildFly server = WildFly.start(repo, logs)) {
            log("WildFly ready after " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s: http://127.0.0.1:" + server.httpPort()
                    + ", readiness " + server.management("/health/ready") + ", JVM " + server.pid());
            machine.put("wildfly", server.describe());
            Target.HeraldCommerce commerce = new Target.HeraldCommerce("wildfly", server.httpPort(), server.pid());
            Target.HeraldEphemeral ephemeral = new Target.HeraldEphemeral("wildfly", server.httpPort(), server.pid(),
                    server.token("bench", "admin"), EVENT_BYTES);

            log("warming up WildFly" + (withPeer ? " and the peer" : "") + " (not measured)");
            int rounds = warmUp(server.pid(), sizes, commerce, ephemeral);
            if (withPeer) {
                warmUpPeer(peer, sizes, rounds);
            }
            TimeUnit.SECONDS.sleep(sizes.settleSeconds());

            for (int subscribers : sizes.fanout()) {
                rows.add(run("fan-out REST", "wildfly", subscribers, () -> Scenarios.fanout("fan-out REST", commerce, subscribers, sizes.events())));
                rows.add(run("fan-out ephemeral", "wildfly", subscribers,
                        () -> Scenarios.fanout("fan-out ephemeral", ephemeral, subscribers, sizes.events())));
                if (withPeer) {
                    rows.add(run(() -> Scenarios.fanout("fan-out REST", peer, subscribers, sizes.events())));
                }
            }
            rows.add(run("idle connections", "wildfly", sizes.idle(), () -> Scenarios.idle(commerce, sizes.idle(), true)));
            if (withPeer) {
                rows.add(run(() -> Scenarios.idle(peer, sizes.idle(), false)));
            }
        } catch (Exception e) {
            log("WildFly target failed: " + e);
            rows.add(failed("wildfly setup", "wildfly", 0, e));
        } finally {
            log("WildFly target stopped; " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s in all");
        }
        return rows;
    }

    private static int option(String[] args, String name, int defaultValue) {
        int at = List.of(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? Integer.parseInt(args[at + 1]) : defaultValue;
    }

    interface Run {
        Result call() throws Exception;
    }

    /**
     * Warms a JVM server up (not reported): rounds of a fan-out to 200 subscribers from each target in turn, until the
     * server's JIT compiler threads took less than {@link #WARM_COMPILER_SHARE} of its CPU over a round, or
     * {@code warmUpRounds} rounds. A Jakarta EE server compiles for minutes after it starts: each request runs a long
     * tail of code that reaches the compilers' thresholds only after thousands of requests, and on 2 cores the one C2
     * thread took a third of the server's CPU in the first fan-outs after a single round. The compilers still took a
     * quarter to a third in each of 30 rounds (the C2 compilations per burst fall slowly: 339, 315, 485, 520, 402,
     * 209, 271, 189, 161, 118 over ten bursts of 600 PATCHes to 500 subscribers), so the rounds are capped, and each
     * measured fan-out row says what the compilers took during it. Each round's line in the log says the same.
     *
     * @return the rounds it took
     */
    static int warmUp(long pid, Sizes sizes, Target... targets) throws Exception {
        for (int round = 1;; round++) {
            long[] before = Servers.cpuAndCompilerMillis(pid);
            for (Target target : targets) {
                warmUpRound(target, sizes.warmUpEvents());
            }
            long[] after = Servers.cpuAndCompilerMillis(pid);
            double share = warmUpShare(before, after);
            log(String.format(java.util.Locale.ROOT, "warm-up round %d of %s: JIT compilers took %.0f %% of its CPU", round,
                    targets[0].name, 100 * share));
            if (share < WARM_COMPILER_SHARE || round >= sizes.warmUpRounds()) {
                return round;
            }
        }
    }

    /** The compilers' share of a process's CPU between two {@link Servers#cpuAndCompilerMillis} readings; 0 without them. */
    static double warmUpShare(long[] before, long[] after) {
        if (before == null || after == null || after[0] <= before[0]) {
            return 0;
        }
        return (double) (after[1] - before[1]) / (after[0] - before[0]);
    }

    /** The peer gets as many warm-up rounds as the server it is compared with (at least one). */
    private static void warmUpPeer(Target peer, Sizes sizes, int rounds) throws Exception {
        for (int round = 0; round < Math.max(1, rounds); round++) {
            warmUpRound(peer, sizes.warmUpEvents());
        }
    }

    /** One warm-up fan-out (200 subscribers), not reported; its line in the log says how long it took and what arrived. */
    private static void warmUpRound(Target target, int events) throws Exception {
        long start = System.nanoTime();
        Result r = Scenarios.fanout("warm-up", target, 200, events);
        log(String.format(java.util.Locale.ROOT, "warm-up %s %s: %d events to 200 subscribers, %d missing, %.0f deliveries/s, p99 %.0f ms, %d s",
                target.getClass().getSimpleName(), target.name, events, r.missing(), r.deliveriesPerSecond(), r.p99(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
    }

    /** Runs one scenario; a scenario that fails is reported with its error instead of ending the run. */
    private static Result run(Run scenario) {
        return run("failed", "-", 0, scenario);
    }

    /** As {@link #run(Run)}; a failure is reported in the row of {@code scenario} and {@code target}. */
    private static Result run(String scenario, String target, int subscribers, Run call) {
        try {
            Result result = call.call();
            log(result.toString());
            return result;
        } catch (Exception e) {
            log("scenario failed: " + e);
            return failed(scenario, target, subscribers, e);
        }
    }

    private static Result failed(String scenario, String target, int subscribers, Exception e) {
        return new Result(scenario, target, subscribers, 0, -1, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, "failed: " + e);
    }

    /** Two Herald nodes on one Artemis broker and one H2 server: events committed on node A, subscribers on node B. */
    static Result crossNode(Servers servers, int subscribers, int seconds) throws Exception {
        int brokerPort = Servers.freePort();
        ConfigurationImpl config = Servers.brokerConfiguration("bench-broker", brokerPort);
        config.setSecurityEnabled(false);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config).start();
        int dbPort = Servers.freePort();
        Server database = Server.createTcpServer("-tcpPort", String.valueOf(dbPort), "-ifNotExists").start();
        try {
            Map<String, String> env = Map.of(
                    "HERALD_BROKER_URL", "tcp://127.0.0.1:" + brokerPort,
                    "HERALD_DB_URL", "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/mem:bench;DB_CLOSE_DELAY=-1",
                    "HERALD_DB_USER", "sa",
                    "HERALD_DB_PASSWORD", "");
            int portA = Servers.freePort();
            Process a = servers.herald("node-a", portA, env);
            int portB = Servers.freePort();
            Process b = servers.herald("node-b", portB, env);
            Target.HeraldCommerce nodeA = new Target.HeraldCommerce("herald", portA, a.pid());
            Target.HeraldCommerce nodeB = new Target.HeraldCommerce("herald", portB, b.pid());
            Target crossing = new Target("herald", portB, b.pid()) {
                @Override
                Subscription subscription() {
                    return nodeB.subscription();
                }

                @Override
                void prepare(int producers) throws Exception {
                    nodeA.prepare(producers);
                }

                @Override
                void publish(int producer, int seq) throws Exception {
                    nodeA.publish(producer, seq);
                }
            };
            // the same warm-up as the single node gets: both nodes' JIT compiles the path first
            Scenarios.fanout("warm-up", crossing, 200, seconds < 10 ? 50 : 300);
            Scenarios.paced("warm-up", crossing, 10, 50, Math.max(3, seconds));
            return Scenarios.paced("cross-node", crossing, subscribers, 50, seconds).withNote("commit on node A, subscribers on node B, 50 events/s");
        } finally {
            servers.close();
            database.stop();
            broker.stop();
        }
    }

    static Map<String, String> machine() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        m.put("cpu", cpu);
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> l.replaceAll("\\D", "")).findFirst().orElse("0");
        m.put("memory", Long.parseLong(mem) / 1024 / 1024 + " GiB");
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("node", output("node", "--version"));
        m.put("load generator", "same machine: Node.js ws subscribers (bench/peer/subscribers.js, one process per scenario) plus JDK"
                + " HttpClient producers (4 in fan-out); idle connections on JDK HttpClient WebSockets; latency in whole ms");
        return m;
    }

    /** What {@code command} prints (stdout and stderr, trimmed), or {@code ?} when it cannot run. */
    static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (Exception e) {
            return "?";
        }
    }

    static void log(String line) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + line);
    }
}
