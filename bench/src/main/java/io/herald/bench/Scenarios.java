package io.herald.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenarios; each runs the same way against every target. Every wait is bounded. Fan-out and paced
 * latency subscribe with {@link NodeSubscribers} (Node {@code ws} clients); idle connections and the soak
 * run with JDK {@link Target.Subscriber}s.
 */
final class Scenarios {

    static final int PRODUCERS = 4;
    private static final int CONNECT_CONCURRENCY = 64;
    private static final long DRAIN_SECONDS = 90;

    private Scenarios() {
    }

    /** Opens {@code count} subscribed JDK sockets, at most 64 handshakes at a time; returns them with the elapsed nanoseconds. */
    static List<Target.Subscriber> open(Target target, int count, Latencies latencies, AtomicLong received, long[] elapsedNanos) throws Exception {
        List<Target.Subscriber> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore slots = new Semaphore(CONNECT_CONCURRENCY);
        List<CompletableFuture<Target.Subscriber>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            CompletableFuture<Target.Subscriber> socket = target.subscribe(latencies, received);
            socket.whenComplete((s, e) -> {
                slots.release();
                if (s != null) {
                    sockets.add(s);
                }
            });
            pending.add(socket);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        elapsedNanos[0] = System.nanoTime() - start;
        return sockets;
    }

    static void close(List<Target.Subscriber> sockets) {
        sockets.forEach(Target.Subscriber::close);
    }

    /**
     * {@code subscribers} Node subscribers, then {@code events} events from 4 producers as fast as the
     * server answers; deliveries per second from the first publish to the last receipt.
     */
    static Result fanout(String scenario, Target target, int subscribers, int events) throws Exception {
        target.prepare(PRODUCERS);
        long expected = (long) subscribers * events;
        ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
        try (NodeSubscribers sockets = NodeSubscribers.open(target, subscribers, expected)) {
            long[] cpuBefore = Servers.cpuAndCompilerMillis(target.pid);
            long start = System.currentTimeMillis();
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                done.add(producers.submit(() -> {
                    int seq;
                    while ((seq = next.getAndIncrement()) < events) {
                        target.publish(producer, seq);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(DRAIN_SECONDS, TimeUnit.SECONDS);
            }
            NodeSubscribers.Outcome outcome = sockets.outcome(Duration.ofSeconds(DRAIN_SECONDS));
            long last = outcome.lastAt() > 0 ? outcome.lastAt() : System.currentTimeMillis();
            double seconds = Math.max(0.001, (last - start) / 1000.0);
            Result result = outcome.result(scenario, target.name, subscribers, events, outcome.received() / seconds, expected);
            return withCompilerShare(result, cpuBefore, Servers.cpuAndCompilerMillis(target.pid));
        } finally {
            producers.shutdownNow();
        }
    }

    /**
     * A JVM server's row says how much of its CPU its JIT compilers took over the run: a Jakarta EE server still compiles
     * parts of its request path minutes after it started ({@link Bench#warmUp}).
     */
    static Result withCompilerShare(Result result, long[] before, long[] after) {
        if (before == null || after == null || after[1] == before[1]) {
            return result;
        }
        String share = String.format(java.util.Locale.ROOT, "JIT compilers %.0f %% of its CPU", 100 * Bench.warmUpShare(before, after));
        return result.withNote(result.note().isEmpty() ? share : result.note() + "; " + share);
    }

    /** {@code subscribers} Node subscribers and events paced at {@code rate} per second for {@code seconds}. */
    static Result paced(String scenario, Target target, int subscribers, int rate, int seconds) throws Exception {
        target.prepare(PRODUCERS);
        int events = rate * seconds;
        long expected = (long) subscribers * events;
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try (NodeSubscribers sockets = NodeSubscribers.open(target, subscribers, expected)) {
            AtomicInteger next = new AtomicInteger();
            long periodMicros = 1_000_000L / rate;
            long start = System.currentTimeMillis();
            List<Future<?>> sends = java.util.Collections.synchronizedList(new ArrayList<>());
            clock.scheduleAtFixedRate(() -> {
                int seq = next.getAndIncrement();
                if (seq < events) {
                    sends.add(CompletableFuture.runAsync(() -> {
                        try {
                            target.publish(seq % PRODUCERS, seq);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, senders));
                }
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            while (next.get() < events && System.currentTimeMillis() - start < (seconds + 30) * 1000L) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            for (Future<?> f : List.copyOf(sends)) {
                f.get(DRAIN_SECONDS, TimeUnit.SECONDS);
            }
            NodeSubscribers.Outcome outcome = sockets.outcome(Duration.ofSeconds(30));
            double actualSeconds = Math.max(0.001, (System.currentTimeMillis() - start) / 1000.0);
            return outcome.result(scenario, target.name, subscribers, events, outcome.received() / actualSeconds, expected)
                    .withNote(rate + " events/s paced" + (outcome.closed() == 0 ? "" : ", " + outcome.closed() + " sockets closed early"));
        } finally {
            clock.shutdownNow();
            senders.shutdownNow();
        }
    }

    /** {@code count} idle subscribed sockets: handshakes per second, heap and RSS per connection. */
    static Result idle(Target target, int count, boolean jvm) throws Exception {
        long heapBefore = jvm ? Servers.jvmHeapAfterGc(target.pid) : Servers.peerHeap(target.port);
        long[] before = Servers.rssAndThreads(target.pid);
        long[] elapsed = new long[1];
        List<Target.Subscriber> sockets = open(target, count, new Latencies(), new AtomicLong(), elapsed);
        try {
            TimeUnit.SECONDS.sleep(2);
            long heapAfter = jvm ? Servers.jvmHeapAfterGc(target.pid) : Servers.peerHeap(target.port);
            long[] after = Servers.rssAndThreads(target.pid);
            double handshakes = count / (elapsed[0] / 1e9);
            return Result.connections(target.name, sockets.size(), handshakes, (heapAfter - heapBefore) / (double) count,
                    (after[0] - before[0]) / (double) count, (int) before[1], (int) after[1],
                    jvm ? "commerce socket: session cookie + subscribe" : "upgrade + subscribe");
        } finally {
            close(sockets);
        }
    }
}
