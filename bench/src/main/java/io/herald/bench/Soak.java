package io.herald.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The soak run ({@code bench/soak.sh}): herald.jar (embedded default), {@code connections} commerce
 * sockets and a steady stream of order changes for {@code minutes}; every 15 s the JVM's heap in use
 * (not forced by a GC), its resident memory and threads, and the delivery latencies of the interval.
 * Writes {@code bench/results/soak.csv}, {@code soak.md} and {@code soak.png}.
 */
final class Soak {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    static final int SAMPLE_SECONDS = 15;

    /** One sample. */
    record Sample(double minute, double heapMb, double rssMb, long threads, double p50, double p99, long deliveries) {
    }

    private Soak() {
    }

    static void run(Path repo, int minutes, int connections, int rate) throws Exception {
        Path results = repo.resolve("bench/results");
        List<Sample> samples = new ArrayList<>();
        try (Servers servers = new Servers(repo.resolve("server-config/target/herald.jar"), repo.resolve("bench/peer"), repo.resolve("bench/target/logs"))) {
            int port = Servers.freePort();
            Process herald = servers.herald("herald", port, Map.of());
            Target.HeraldCommerce target = new Target.HeraldCommerce("herald", port, herald.pid());
            target.prepare(4);
            Latencies interval = new Latencies();
            AtomicLong received = new AtomicLong();
            List<Target.Subscriber> sockets = Scenarios.open(target, connections, interval, received, new long[1]);
            Bench.log("soak: " + sockets.size() + " connections open, " + rate + " events/s for " + minutes + " min");
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            AtomicInteger seq = new AtomicInteger();
            clock.scheduleAtFixedRate(() -> {
                int n = seq.getAndIncrement();
                try {
                    target.publish(n % 4, n);
                } catch (Exception e) {
                    Bench.log("publish failed: " + e);
                }
            }, 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
            long start = System.currentTimeMillis();
            long end = start + minutes * 60_000L;
            long delivered = 0;
            try {
                while (System.currentTimeMillis() < end) {
                    TimeUnit.SECONDS.sleep(SAMPLE_SECONDS);
                    long[] rss = Servers.rssAndThreads(herald.pid());
                    long now = received.get();
                    Sample s = new Sample((System.currentTimeMillis() - start) / 60_000.0, heapMb(herald.pid()), rss[0] / 1048576.0, rss[1],
                            interval.p50(), interval.p99(), now - delivered);
                    delivered = now;
                    interval.reset();
                    samples.add(s);
                    Bench.log(String.format(Locale.ROOT, "soak %5.1f min: heap %.0f MB, RSS %.0f MB, %d threads, p50 %.0f ms, p99 %.0f ms, %d deliveries",
                            s.minute(), s.heapMb(), s.rssMb(), s.threads(), s.p50(), s.p99(), s.deliveries()));
                }
            } finally {
                clock.shutdownNow();
                Scenarios.close(sockets);
            }
        }
        Files.createDirectories(results);
        write(results, samples, minutes, connections, rate);
        Bench.log("wrote " + results.resolve("soak.md") + ", soak.csv, soak.png");
    }

    private static double heapMb(long pid) throws Exception {
        Matcher used = HEAP_USED.matcher(Servers.jcmdOutput(pid, "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
    }

    static void write(Path dir, List<Sample> samples, int minutes, int connections, int rate) throws IOException {
        StringBuilder csv = new StringBuilder("minute,heap_mb,rss_mb,threads,p50_ms,p99_ms,deliveries\n");
        for (Sample s : samples) {
            csv.append(String.format(Locale.ROOT, "%.2f,%.1f,%.1f,%d,%.0f,%.0f,%d%n", s.minute(), s.heapMb(), s.rssMb(), s.threads(), s.p50(), s.p99(), s.deliveries()));
        }
        Files.writeString(dir.resolve("soak.csv"), csv);
        Files.writeString(dir.resolve("soak.md"), summary(samples, minutes, connections, rate));
        plot(samples, dir.resolve("soak.png"), String.format(Locale.ROOT, "Herald soak: %d connections, %d events/s, %d min", connections, rate, minutes));
    }

    static String summary(List<Sample> samples, int minutes, int connections, int rate) {
        if (samples.isEmpty()) {
            return "# Soak\n\nNo samples.\n";
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double maxP99 = samples.stream().mapToDouble(Sample::p99).max().orElse(-1);
        double maxHeap = samples.stream().mapToDouble(Sample::heapMb).max().orElse(-1);
        double maxRss = samples.stream().mapToDouble(Sample::rssMb).max().orElse(-1);
        long deliveries = samples.stream().mapToLong(Sample::deliveries).sum();
        return String.format(Locale.ROOT, """
                # Soak run

                `bench/soak.sh --minutes %d --connections %d --rate %d`: herald.jar (embedded default) with %d commerce
                sockets and %d order changes per second for %d minutes; a sample every %d s.

                | | first sample | last sample | max |
                |---|---|---|---|
                | heap in use (MB, not forced by a GC) | %.0f | %.0f | %.0f |
                | RSS (MB) | %.0f | %.0f | %.0f |
                | threads | %d | %d | %d |
                | p99 delivery latency (ms) | %.0f | %.0f | %.0f |

                %d deliveries in all. Samples in `soak.csv`, plotted in `soak.png`.
                """, minutes, connections, rate, connections, rate, minutes, SAMPLE_SECONDS,
                first.heapMb(), last.heapMb(), maxHeap, first.rssMb(), last.rssMb(), maxRss,
                first.threads(), last.threads(), samples.stream().mapToLong(Sample::threads).max().orElse(-1),
                first.p99(), last.p99(), maxP99, deliveries);
    }

    static void plot(List<Sample> samples, Path file, String title) throws IOException {
        int width = 1000;
        int panelHeight = 170;
        List<String> names = List.of("heap in use (MB)", "RSS (MB)", "threads", "delivery latency p50 / p99 (ms)");
        List<List<ToDoubleFunction<Sample>>> series = List.of(List.of(Sample::heapMb), List.of(Sample::rssMb),
                List.of(s -> s.threads()), List.of(Sample::p50, Sample::p99));
        BufferedImage image = new BufferedImage(width, 40 + names.size() * (panelHeight + 30), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 25);
        double maxMinute = samples.isEmpty() ? 1 : Math.max(samples.get(samples.size() - 1).minute(), 0.1);
        Color[] colors = {new Color(0x2b6cb0), new Color(0xdd6b20)};
        for (int p = 0; p < names.size(); p++) {
            int top = 50 + p * (panelHeight + 30);
            int left = 80;
            int plotWidth = width - left - 30;
            double max = 1;
            for (ToDoubleFunction<Sample> f : series.get(p)) {
                max = Math.max(max, samples.stream().mapToDouble(f).max().orElse(1));
            }
            max *= 1.1;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.BLACK);
            g.drawString(names.get(p), left, top - 5);
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(left, top, plotWidth, panelHeight);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", max), 10, top + 10);
            g.drawString("0", 10, top + panelHeight);
            g.drawString(String.format(Locale.ROOT, "%.0f min", maxMinute), left + plotWidth - 40, top + panelHeight + 15);
            for (int k = 0; k < series.get(p).size(); k++) {
                ToDoubleFunction<Sample> f = series.get(p).get(k);
                g.setColor(colors[k]);
                g.setStroke(new BasicStroke(2));
                for (int i = 1; i < samples.size(); i++) {
                    int x1 = left + (int) (plotWidth * samples.get(i - 1).minute() / maxMinute);
                    int x2 = left + (int) (plotWidth * samples.get(i).minute() / maxMinute);
                    int y1 = top + panelHeight - (int) (panelHeight * Math.max(0, f.applyAsDouble(samples.get(i - 1))) / max);
                    int y2 = top + panelHeight - (int) (panelHeight * Math.max(0, f.applyAsDouble(samples.get(i))) / max);
                    g.drawLine(x1, y1, x2, y2);
                }
            }
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
