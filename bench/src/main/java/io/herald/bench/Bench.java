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
 * {@code java -jar bench/target/herald-bench.jar [--quick] [--repo DIR]}: runs every scenario
 * against herald.jar (embedded default) and the Node peer, then two Herald nodes on one broker,
 * prints the table and writes {@code bench/results/}.
 */
public final class Bench {

    /** Size of the event data: about what a commerce order event carries. */
    static final int EVENT_BYTES = 330;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int repoAt = List.of(args).indexOf("--repo");
        Path repo = Path.of(repoAt >= 0 ? args[repoAt + 1] : ".").toAbsolutePath().normalize();
        if (List.of(args).contains("--soak")) {
            Soak.run(repo, option(args, "--minutes", 30), option(args, "--connections", 1000), option(args, "--rate", 10));
            return;
        }
        Path jar = repo.resolve("server-config/target/herald.jar");
        Path results = repo.resolve("bench/results");
        NodeSubscribers.configure(repo.resolve("bench/peer"), repo.resolve("bench/target/logs"));
        List<Result> all = new ArrayList<>();
        int[] fanoutSizes = quick ? new int[] {100} : new int[] {500, 1000};
        int events = quick ? 50 : 200;
        int seconds = quick ? 3 : 10;
        int idle = quick ? 1000 : 10_000;

        try (Servers servers = new Servers(jar, repo.resolve("bench/peer"), repo.resolve("bench/target/logs"))) {
            int heraldPort = Servers.freePort();
            Process heraldProcess = servers.herald("herald", heraldPort, Map.of());
            int peerPort = Servers.freePort();
            Process peerProcess = servers.peer(peerPort);
            String token = servers.token("bench", "--groups", "admin");
            Target.HeraldCommerce herald = new Target.HeraldCommerce("herald", heraldPort, heraldProcess.pid());
            Target.HeraldEphemeral heraldEphemeral = new Target.HeraldEphemeral("herald", heraldPort, heraldProcess.pid(), token, EVENT_BYTES);
            Target.Peer peer = new Target.Peer(peerPort, peerProcess.pid(), EVENT_BYTES);

            log("warming up both servers (not measured)");
            Scenarios.fanout("warm-up", herald, 200, quick ? 50 : 300);
            Scenarios.fanout("warm-up", heraldEphemeral, 200, quick ? 50 : 300);
            Scenarios.fanout("warm-up", peer, 200, quick ? 50 : 300);
            TimeUnit.SECONDS.sleep(quick ? 2 : 10);

            for (int subscribers : fanoutSizes) {
                all.add(run(() -> Scenarios.fanout("fan-out REST", herald, subscribers, events)));
                all.add(run(() -> Scenarios.fanout("fan-out ephemeral", heraldEphemeral, subscribers, events)));
                all.add(run(() -> Scenarios.fanout("fan-out REST", peer, subscribers, events)));
            }
            for (Target target : List.of(herald, peer)) {
                all.add(run(() -> Scenarios.paced("latency 1 subscriber", target, 1, 50, seconds)));
                all.add(run(() -> Scenarios.paced("latency 10,000/s", target, 100, 100, seconds)));
            }
            all.add(run(() -> Scenarios.idle(herald, idle, true)));
            all.add(run(() -> Scenarios.idle(peer, idle, false)));
            servers.stop(heraldProcess);
            servers.stop(peerProcess);

            all.add(run(() -> crossNode(servers, quick ? 20 : 100, seconds)));
        }

        Map<String, String> machine = machine();
        String command = "bench/run.sh" + (quick ? " --quick" : "");
        System.out.println();
        System.out.println(Report.table(all));
        System.out.println(Report.TARGETS);
        Report.write(results, all, machine, command);
        log("wrote " + results.resolve("latest.md") + ", latest.json, fanout.png, latency.png");
    }

    private static int option(String[] args, String name, int defaultValue) {
        int at = List.of(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? Integer.parseInt(args[at + 1]) : defaultValue;
    }

    interface Run {
        Result call() throws Exception;
    }

    /** Runs one scenario; a scenario that fails is reported with its error instead of ending the run. */
    private static Result run(Run scenario) {
        try {
            Result result = scenario.call();
            log(result.toString());
            return result;
        } catch (Exception e) {
            log("scenario failed: " + e);
            return new Result("failed", "-", 0, 0, -1, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, String.valueOf(e));
        }
    }

    /** Two Herald nodes on one Artemis broker and one H2 server: events committed on node A, subscribers on node B. */
    static Result crossNode(Servers servers, int subscribers, int seconds) throws Exception {
        int brokerPort = Servers.freePort();
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("bench-broker");
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("bench", "tcp://127.0.0.1:" + brokerPort + "?protocols=CORE");
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

    private static String output(String... command) {
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
