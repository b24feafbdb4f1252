package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Three nodes on an Artemis primary/backup pair and one database of their own (a second PostgreSQL
 * server in {@code .ci/run}, otherwise H2 on disk), a steady producer that sends each event through
 * the next node in turn once the previous one was accepted, a client on each node. Phase 1: no
 * fault (the producer's order must hold although the nodes publish in parallel); an event whose
 * transaction took its id and committed 1.5 s later reaches every client once, and a fourth client
 * stops right after it and resumes on another node with the id it came with. Phase 2: node C is
 * killed with {@code kill -9}; its client reconnects to node A with the last {@code event_id} it saw.
 * Phase 3: the primary broker is killed with {@code kill -9}; the backup takes over. Phase 4: the
 * backup hangs for 8 s (SIGSTOP; sends block, markers stop coming back, the nodes read the log).
 * Phase 5: the primary starts again and the pair fails back to it. Phase 6: the database server
 * restarts (every connection breaks). Per phase and client it
 * prints produced (acknowledged with 202), received, lost, duplicated, out of order, the longest wait
 * and the events "in doubt" (posted to node C as it died: committed, never acknowledged, so their
 * place in the order is unknown to the producer; they count for duplicates, not for order), and
 * asserts no loss, duplicate or reordering for any client (the resumed one across both connections).
 */
@LongRun
class FaultRunIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));

    /** One logical client: its connections in turn, what they received and when. */
    private static final class Client implements AutoCloseable {
        final String name;
        final String run;
        final List<Integer> received = new CopyOnWriteArrayList<>();
        final List<Long> at = new CopyOnWriteArrayList<>();
        volatile String lastEventId;
        /** How often the late commit arrived (once is right), and the id it came with. */
        final java.util.concurrent.atomic.AtomicInteger lateReceived = new java.util.concurrent.atomic.AtomicInteger();
        volatile String lateEventId;
        /** Whether this client stops reading right after the late commit, to resume with its id. */
        volatile boolean stopAtLate;
        private WsClient ws;
        private Thread reader;
        private final AtomicBoolean open = new AtomicBoolean();

        Client(String name, String run) {
            this.name = name;
            this.run = run;
        }

        Client connect(HeraldNode node) throws InterruptedException {
            disconnect();
            HttpJson login = new HttpJson(node);
            assertEquals(200, login.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
            ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", login.cookieHeader()));
            ws.expectType("connected");
            String resume = lastEventId == null ? "" : ",\"last_event_id\":\"" + lastEventId + "\"";
            ws.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"" + resume + "}");
            ws.expectType("subscribed");
            open.set(true);
            WsClient current = ws;
            reader = new Thread(() -> {
                while (open.get()) {
                    Optional<JsonObject> message = current.poll(Duration.ofMillis(100));
                    if (message.isPresent() && (run + "-late").equals(message.get().getJsonObject("data").getString("run", null))) {
                        lateReceived.incrementAndGet();
                        lateEventId = current.lastEventId(); // WsClient takes event_id out of the frames it hands over
                        lastEventId = lateEventId;
                        if (stopAtLate) {
                            stopAtLate = false;
                            return; // what follows on this connection is left unread: the client resumes elsewhere
                        }
                        continue;
                    }
                    message.filter(m -> "order:updated".equals(m.getString("event", null)))
                            .filter(m -> run.equals(m.getJsonObject("data").getString("run", null)))
                            .ifPresent(m -> {
                                received.add(m.getJsonObject("data").getInt("n"));
                                at.add(System.currentTimeMillis());
                                lastEventId = current.lastEventId();
                            });
                }
            }, "client-" + name);
            reader.start();
            return this;
        }

        void disconnect() throws InterruptedException {
            open.set(false);
            if (reader != null) {
                reader.join();
                ws.close();
            }
        }

        /** The figures for the events numbered {@code from} to {@code to} (one phase of the run). */
        String report(Set<Integer> produced, int from, int to) {
            Set<Integer> seen = new HashSet<>();
            int count = 0;
            int inDoubt = 0;
            int duplicated = 0;
            int outOfOrder = 0;
            long longestGap = 0;
            int previous = -1;
            for (int i = 0; i < received.size(); i++) {
                int n = received.get(i);
                if (n < from || n > to) {
                    continue;
                }
                if (!seen.add(n)) {
                    duplicated++;
                }
                if (!produced.contains(n)) {
                    // posted to the node that was killed, committed, but never answered: whether and
                    // where it belongs in the order the producer could not know, so only delivery counts
                    inDoubt++;
                    continue;
                }
                count++;
                if (previous >= 0 && n < previous) {
                    outOfOrder++;
                }
                if (i > 0) {
                    // the wait before each of the phase's events, also the first (a failover's pause)
                    longestGap = Math.max(longestGap, at.get(i) - at.get(i - 1));
                }
                previous = n;
            }
            Set<Integer> inPhase = new HashSet<>();
            produced.stream().filter(n -> n >= from && n <= to).forEach(inPhase::add);
            Set<Integer> lost = new HashSet<>(inPhase);
            lost.removeAll(seen);
            return String.format("%-10s produced %4d received %4d lost %d duplicated %d out-of-order %d longest-gap %d ms in-doubt %d",
                    name, inPhase.size(), count, lost.size(), duplicated, outOfOrder, longestGap, inDoubt);
        }

        boolean hasAll(Set<Integer> produced) {
            return new HashSet<>(received).containsAll(produced);
        }

        @Override
        public void close() throws InterruptedException {
            disconnect();
        }
    }

    /**
     * Writes an event to the log as a slow application transaction would: takes its id, waits
     * {@code holdMillis} while other events get higher ids and go out, then commits. Nobody publishes
     * it; the nodes find it in the log (open ids) or through the outbox repair.
     */
    private static long commitLate(SharedDatabase database, String run, long holdMillis) throws Exception {
        try (java.sql.Connection c = database.connect()) {
            c.setAutoCommit(false);
            long id;
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(database.isPostgres()
                    ? "SELECT nextval('event_log_seq')" : "SELECT NEXT VALUE FOR event_log_seq")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO event_log"
                    + " (id, product, event_type, routing_keys, payload, created_at, published) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, "commerce");
                insert.setString(3, "order:updated");
                insert.setString(4, "commerce:order_changes");
                insert.setString(5, "{\"run\":\"" + run + "-late\",\"n\":0}");
                insert.setLong(6, System.currentTimeMillis());
                insert.setBoolean(7, false);
                insert.executeUpdate();
            }
            Thread.sleep(holdMillis);
            c.commit();
            return id;
        }
    }

    private static String event(String run, int n) {
        return "{\"product\":\"commerce\",\"type\":\"order:updated\",\"routing_keys\":[\"commerce:order_changes\"],"
                + "\"data\":{\"run\":\"" + run + "\",\"n\":" + n + "},\"durable\":true}";
    }

    @Test
    void noClientLosesDoublesOrReordersAnythingWhenANodeThePrimaryBrokerAndTheDatabaseFail() throws Exception {
        // a database of its own that can restart: a second PostgreSQL server in .ci/run, else H2 on disk
        try (SharedDatabase database = SharedDatabase.restartable(); HaBrokerPair brokers = new HaBrokerPair("fault-run").start()) {
            Map<String, String> env = new HashMap<>(database.environment());
            env.putAll(brokers.nodeEnvironment());
            env.putAll(TestTokens.serverEnvironment());
            try (HeraldNode a = HeraldNode.start("fault-a", env); HeraldNode b = HeraldNode.start("fault-b", env);
                    HeraldNode c = HeraldNode.start("fault-c", env)) {
                String run = "run-" + System.nanoTime();
                Client resumer = new Client("resumer", run);
                resumer.stopAtLate = true;
                List<Client> clients = List.of(new Client("on-a", run).connect(a), new Client("on-b", run).connect(b),
                        new Client("c-then-a", run).connect(c), resumer.connect(b));
                Set<Integer> produced = new ConcurrentSkipListSet<>();
                Map<String, Integer> refusals = new java.util.concurrent.ConcurrentHashMap<>();
                AtomicBoolean producing = new AtomicBoolean(true);
                java.util.concurrent.atomic.AtomicInteger lastN = new java.util.concurrent.atomic.AtomicInteger();
                List<HeraldNode> producers = new CopyOnWriteArrayList<>(List.of(a, b, c));
                Thread producer = new Thread(() -> {
                    int n = 0;
                    while (producing.get()) {
                        n++;
                        lastN.set(n);
                        HeraldNode node = producers.get(n % producers.size());
                        try {
                            HttpJson.Reply reply = new HttpJson(node).post("/api/events", event(run, n), ADMIN);
                            if (reply.status() == 202) {
                                produced.add(n);
                            } else {
                                // refused during an outage: it has to say so in JSON, with when to retry
                                refusals.merge(reply.status() + " " + reply.header("Content-Type") + " Retry-After "
                                        + reply.header("Retry-After"), 1, Integer::sum);
                            }
                        } catch (RuntimeException refusedDuringAnOutage) {
                            // not accepted: not produced
                        }
                        try {
                            Thread.sleep(15);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "producer");
                producer.start();
                // readiness of node A through the run: how long it said 503, and that it says 200 at the end
                String[] phases = {"one producer through three nodes, no fault", "kill -9 of node C (its client resumes on node A)",
                    "kill -9 of the primary broker", "the backup broker hangs 8 s (SIGSTOP)", "the primary starts again (failback)",
                    "database restart"};
                java.util.concurrent.atomic.AtomicLongArray notReadyMillis = new java.util.concurrent.atomic.AtomicLongArray(phases.length);
                java.util.concurrent.atomic.AtomicInteger phase = new java.util.concurrent.atomic.AtomicInteger();
                Thread readiness = new Thread(() -> {
                    while (producing.get()) {
                        long before = System.currentTimeMillis();
                        int status;
                        try {
                            status = new HttpJson(a).get("/health/ready").status();
                        } catch (RuntimeException noAnswer) {
                            status = -1;
                        }
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (status != 200) {
                            notReadyMillis.addAndGet(phase.get(), System.currentTimeMillis() - before);
                        }
                    }
                }, "readiness");
                readiness.start();
                // each phase: from the fault to the next one; the first also has the calm before it
                int[] phaseStart = new int[phases.length + 1];
                long lateId;
                try {
                    // a transaction that takes an event id and commits 1.5 s later, after higher ids went out:
                    // delivered late to everyone, once; "resumer" resumes on another node right after it
                    Thread.sleep(2000);
                    lateId = commitLate(database, run, 1500);
                    Instant lateBy = Instant.now().plus(Duration.ofSeconds(10));
                    // resume on node A at once, possibly before A has found the late commit: A must not send it again
                    while (resumer.lateEventId == null && Instant.now().isBefore(lateBy)) {
                        Thread.sleep(20);
                    }
                    resumer.connect(a);
                    Thread.sleep(4500);
                    phaseStart[1] = lastN.get() + 1;
                    phase.set(1);
                    producers.remove(c);
                    c.kill();
                    Thread.sleep(1500);
                    clients.get(2).connect(a);
                    Thread.sleep(4000);
                    phaseStart[2] = lastN.get() + 1;
                    phase.set(2);
                    brokers.killPrimary();
                    Thread.sleep(10_000);
                    phaseStart[3] = lastN.get() + 1;
                    phase.set(3);
                    brokers.hangBackup(8000);
                    Thread.sleep(5000);
                    phaseStart[4] = lastN.get() + 1;
                    phase.set(4);
                    brokers.restartPrimary();
                    Thread.sleep(12_000);
                    phaseStart[5] = lastN.get() + 1;
                    phase.set(5);
                    database.restart();
                    Thread.sleep(8000);
                } finally {
                    producing.set(false);
                    producer.join();
                    readiness.join();
                }
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (Instant.now().isBefore(deadline) && !clients.stream().allMatch(cl -> cl.hasAll(produced))) {
                    Thread.sleep(200);
                }
                Thread.sleep(500);
                phaseStart[0] = 1;
                phaseStart[phases.length] = Integer.MAX_VALUE;
                StringBuilder report = new StringBuilder("Fault run, three nodes on an Artemis primary/backup pair and "
                        + (database.isPostgres() ? "PostgreSQL" : "H2") + ":\n");
                List<String> lines = new ArrayList<>();
                for (int p = 0; p < phases.length; p++) {
                    report.append(" ").append(phases[p]).append(":\n");
                    for (Client client : clients) {
                        String line = client.report(produced, phaseStart[p], phaseStart[p + 1] - 1);
                        lines.add(line);
                        report.append("  ").append(line).append('\n');
                    }
                }
                for (Client client : clients) {
                    report.append(" whole run: ").append(client.report(produced, 1, Integer.MAX_VALUE)).append('\n');
                    client.close();
                }
                report.append(" late commit (id ").append(lateId).append(", committed 1.5 s after taking its id): received ");
                clients.forEach(cl -> report.append(cl.name).append(' ').append(cl.lateReceived.get()).append("x "));
                report.append("; resumer resumed with ").append(resumer.lateEventId).append('\n');
                report.append(" readiness of node A, ms of 503 per phase: ").append(notReadyMillis).append('\n');
                report.append(" requests refused (status, type, Retry-After: count): ").append(refusals).append('\n');
                System.out.println(report);
                for (HeraldNode node : List.of(a, b)) {
                    assertEquals(200, new HttpJson(node).get("/health/ready").status(), node.name() + " ready again after the faults");
                }
                assertTrue(produced.size() > 200, () -> "the producer kept producing: " + produced.size());
                for (String line : lines) {
                    assertTrue(line.contains(" lost 0 duplicated 0 out-of-order 0 "), report::toString);
                }
                for (Client client : clients) {
                    assertEquals(1, client.lateReceived.get(), () -> "the late commit, once, for every client: " + report);
                }
                assertTrue(resumer.lateEventId != null && resumer.lateEventId.contains("r"),
                        () -> "the late event names where to resume (after the higher ids already delivered): " + report);
                for (String refusal : refusals.keySet()) {
                    assertTrue(refusal.startsWith("503 application/json"), () -> "a refusal that is not a JSON 503 with Retry-After: " + report);
                    assertFalse(refusal.endsWith(" null"), report::toString);
                }
            }
        }
    }
}
