package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The broker process is killed with {@code kill -9} and started again while a steady producer
 * publishes durable events through both nodes and clients on both nodes listen: every client gets
 * every accepted event once and in the order it was accepted; readiness says 503 naming the
 * broker within seconds during the outage and 200 after it.
 */
@LongRun
class BrokerKillIT {

    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TestTokens.token("publisher", "admin"));
    private static final Duration BEFORE_KILL = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration AFTER_RESTART = Duration.ofSeconds(12);

    /** A subscriber that records the numbers of the events of this run in the order they arrive. */
    private static final class Listener implements AutoCloseable {
        final String name;
        final WsClient ws;
        final List<Integer> received = new CopyOnWriteArrayList<>();
        final Thread reader;
        final AtomicBoolean open = new AtomicBoolean(true);

        Listener(String name, HeraldNode node, String run) {
            this.name = name;
            HttpJson login = new HttpJson(node);
            assertEquals(200, login.post("/commerce/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin\"}").status());
            ws = WsClient.connect(node.ws("/commerce/ws"), Map.of("Cookie", login.cookieHeader()));
            ws.expectType("connected");
            ws.send("{\"type\":\"subscribe\",\"channel\":\"order_changes\"}");
            ws.expectType("subscribed");
            reader = new Thread(() -> {
                while (open.get()) {
                    Optional<JsonObject> message = ws.poll(Duration.ofMillis(200));
                    message.filter(m -> "order:updated".equals(m.getString("event", null)))
                            .map(m -> m.getJsonObject("data"))
                            .filter(d -> run.equals(d.getString("run", null)))
                            .ifPresent(d -> received.add(d.getInt("n")));
                }
            }, "listener-" + name);
            reader.start();
        }

        @Override
        public void close() throws InterruptedException {
            open.set(false);
            reader.join();
            ws.close();
        }
    }

    private static String event(String run, int n) {
        return "{\"product\":\"commerce\",\"type\":\"order:updated\",\"routing_keys\":[\"commerce:order_changes\"],"
                + "\"data\":{\"run\":\"" + run + "\",\"n\":" + n + "},\"durable\":true}";
    }

    @Test
    void noEventIsLostDuplicatedOrReorderedWhenTheBrokerIsKilledAndRestarted() throws Exception {
        // its own H2 server: SharedDatabase.start() on PostgreSQL resets the schema the two-node cluster of the other tests uses
        try (SharedDatabase database = SharedDatabase.startH2();
                BrokerProcess broker = new BrokerProcess("broker-kill").start()) {
            Map<String, String> env = new HashMap<>(database.environment());
            env.put("HERALD_BROKER_URL", broker.url());
            env.putAll(TestTokens.serverEnvironment());
            try (HeraldNode a = HeraldNode.start("kill-a", env); HeraldNode b = HeraldNode.start("kill-b", env)) {
                String run = "run-" + System.nanoTime();
                List<Listener> listeners = new ArrayList<>();
                try {
                    listeners.add(new Listener("a1", a, run));
                    listeners.add(new Listener("a2", a, run));
                    listeners.add(new Listener("b1", b, run));
                    listeners.add(new Listener("b2", b, run));

                    Set<Integer> produced = new ConcurrentSkipListSet<>();
                    AtomicInteger refused = new AtomicInteger();
                    AtomicBoolean producing = new AtomicBoolean(true);
                    Thread producer = new Thread(() -> {
                        HttpJson[] nodes = {new HttpJson(a), new HttpJson(b)};
                        for (int n = 1; producing.get(); n++) {
                            HttpJson.Reply reply = nodes[n % 2].post("/api/events", event(run, n), ADMIN);
                            if (reply.status() == 202) {
                                produced.add(n);
                            } else {
                                refused.incrementAndGet();
                            }
                            sleep(Duration.ofMillis(20));
                        }
                    }, "producer");
                    producer.start();

                    Thread.sleep(BEFORE_KILL.toMillis());
                    broker.kill();
                    Instant killed = Instant.now();
                    HttpJson.Reply down = awaitReady(new HttpJson(b), 503, Duration.ofSeconds(5));
                    assertTrue(down.body().contains("\"broker\":\"unreachable"), down.body());
                    long noticedMs = Duration.between(killed, Instant.now()).toMillis();
                    Thread.sleep(Math.max(0, OUTAGE.toMillis() - noticedMs));
                    broker.start();
                    Instant restarted = Instant.now();
                    assertEquals(200, awaitReady(new HttpJson(a), 200, Duration.ofSeconds(90)).status());
                    assertEquals(200, awaitReady(new HttpJson(b), 200, Duration.ofSeconds(90)).status());
                    long recoveredMs = Duration.between(restarted, Instant.now()).toMillis();
                    Thread.sleep(AFTER_RESTART.toMillis());
                    producing.set(false);
                    producer.join();

                    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                    while (Instant.now().isBefore(deadline) && listeners.stream().anyMatch(l -> !new HashSet<>(l.received).containsAll(produced))) {
                        Thread.sleep(200);
                    }
                    Thread.sleep(2000); // copies arriving late would show now

                    System.out.printf("broker kill -9: readiness 503 after %d ms, 200 again %d ms after the restart; produced %d (refused %d)%n",
                            noticedMs, recoveredMs, produced.size(), refused.get());
                    int problems = 0;
                    for (Listener l : listeners) {
                        List<Integer> got = List.copyOf(l.received);
                        Set<Integer> distinct = new HashSet<>(got);
                        Set<Integer> lost = new HashSet<>(produced);
                        lost.removeAll(distinct);
                        int duplicated = got.size() - distinct.size();
                        int outOfOrder = 0;
                        List<String> inversions = new ArrayList<>();
                        for (int i = 1; i < got.size(); i++) {
                            if (got.get(i) < got.get(i - 1)) {
                                outOfOrder++;
                                inversions.add(got.subList(Math.max(0, i - 3), Math.min(got.size(), i + 3)).toString());
                            }
                        }
                        System.out.printf("  client %s: produced %d, received %d, lost %d, duplicated %d, out of order %d%n",
                                l.name, produced.size(), got.size(), lost.size(), duplicated, outOfOrder);
                        inversions.stream().limit(5).forEach(around -> System.out.println("    out of order: " + around));
                        problems += lost.size() + duplicated + outOfOrder;
                    }
                    assertTrue(produced.size() > 500, "the producer kept publishing: " + produced.size());
                    assertEquals(0, refused.get(), "events refused during the outage");
                    assertEquals(0, problems, "lost, duplicated or out-of-order events (see the counts above)");
                } finally {
                    for (Listener l : listeners) {
                        l.close();
                    }
                }
            }
        }
    }

    private static HttpJson.Reply awaitReady(HttpJson http, int status, Duration within) {
        Instant deadline = Instant.now().plus(within);
        HttpJson.Reply reply = http.get("/health/ready");
        while (reply.status() != status && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
            reply = http.get("/health/ready");
        }
        assertEquals(status, reply.status(), reply.body());
        return reply;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
