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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** The table (stdout, Markdown, JSON) and the two plots. */
final class Report {

    static final String TARGETS = String.join("\n",
            "Targets (issue 8, this 2-core machine, load generator included): fan-out deliveries/s Herald/peer >= 1.0 at 500 and 1,000 subscribers;",
            "commit-to-client p50 <= 5 ms and p99 <= 25 ms at 1 subscriber and at 10,000 deliveries/s; cross-node p99 <= 30 ms;",
            "<= 20 KB heap per idle authenticated connection at 10,000 connections; >= 2,000 authenticated handshakes/s.");

    private static final Color HERALD = new Color(0x2b6cb0);
    private static final Color WILDFLY = new Color(0x2f855a);
    private static final Color PEER = new Color(0xdd6b20);
    /** The targets that run Herald: herald.jar and the EAR on WildFly; each is compared with the peer. */
    private static final List<String> HERALDS = List.of("herald", "wildfly");

    private Report() {
    }

    /** Herald / peer for a Herald row (herald.jar or WildFly) whose scenario and subscriber count the peer also ran. */
    static Optional<Double> ratio(Result herald, List<Result> all, boolean handshakes) {
        if (!HERALDS.contains(herald.target())) {
            return Optional.empty();
        }
        String peerScenario = herald.scenario().replace(" ephemeral", " REST");
        return all.stream()
                .filter(r -> r.target().equals("peer") && r.scenario().equals(peerScenario) && r.subscribers() == herald.subscribers())
                .findFirst()
                .map(p -> handshakes ? herald.handshakesPerSecond() / p.handshakesPerSecond() : herald.deliveriesPerSecond() / p.deliveriesPerSecond());
    }

    /**
     * The rows in groups of one scenario (fan-out: REST and ephemeral together) and size, in the order each group first
     * ran, so that a target run later (WildFly) stands next to herald.jar's and the peer's rows of the same scenario.
     */
    static List<Result> grouped(List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            String scenario = r.scenario().startsWith("fan-out") ? "fan-out" : r.scenario();
            String key = scenario.equals("idle connections") ? scenario : scenario + "/" + r.subscribers();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return groups.values().stream().flatMap(List::stream).toList();
    }

    static String table(List<Result> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "target", "subs/conns", "events", "deliveries/s", "missing", "p50 ms", "p99 ms", "p99.9 ms",
            "max ms", "heap B/conn", "RSS B/conn", "handshakes/s", "threads", "Herald/peer", "note"});
        for (Result r : results) {
            Optional<Double> ratio = r.scenario().equals("idle connections") ? ratio(r, results, true)
                    : r.scenario().startsWith("fan-out") ? ratio(r, results, false) : Optional.empty();
            rows.add(new String[] {r.scenario(), r.target(), String.valueOf(r.subscribers()), r.events() == 0 ? "" : String.valueOf(r.events()),
                num(r.deliveriesPerSecond(), 0), r.deliveriesPerSecond() < 0 ? "" : String.valueOf(r.missing()), num(r.p50(), 0), num(r.p99(), 0),
                num(r.p999(), 0), num(r.max(), 0), num(r.heapBytesPerConnection(), 0), num(r.rssBytesPerConnection(), 0),
                num(r.handshakesPerSecond(), 0), r.threadsBefore() < 0 ? "" : r.threadsBefore() + " -> " + r.threadsAfter(),
                ratio.map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse(""), r.note()});
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            out.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                out.append("|").append("---|".repeat(rows.get(0).length)).append("\n");
            }
        }
        return out.toString();
    }

    static String num(double value, int decimals) {
        return value < 0 ? "" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String json(List<Result> results, Map<String, String> machine) {
        StringBuilder out = new StringBuilder("{\n  \"machine\": {");
        List<String> fields = new ArrayList<>();
        machine.forEach((k, v) -> fields.add("\"" + k + "\": \"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        out.append(String.join(", ", fields)).append("},\n  \"results\": [\n");
        List<String> lines = new ArrayList<>();
        for (Result r : results) {
            lines.add(String.format(Locale.ROOT, "    {\"scenario\": \"%s\", \"target\": \"%s\", \"subscribers\": %d, \"events\": %d, "
                    + "\"deliveriesPerSecond\": %.1f, \"missing\": %d, \"p50\": %.1f, \"p99\": %.1f, \"p999\": %.1f, \"max\": %.1f, "
                    + "\"heapBytesPerConnection\": %.0f, \"rssBytesPerConnection\": %.0f, \"handshakesPerSecond\": %.1f, "
                    + "\"threadsBefore\": %d, \"threadsAfter\": %d, \"note\": \"%s\"}",
                    r.scenario(), r.target(), r.subscribers(), r.events(), r.deliveriesPerSecond(), r.missing(), r.p50(), r.p99(), r.p999(),
                    r.max(), r.heapBytesPerConnection(), r.rssBytesPerConnection(), r.handshakesPerSecond(), r.threadsBefore(), r.threadsAfter(),
                    r.note().replace("\"", "'")));
        }
        return out.append(String.join(",\n", lines)).append("\n  ]\n}\n").toString();
    }

    static void write(Path dir, List<Result> results, Map<String, String> machine, String command) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("# Herald benchmark: latest run\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
        md.append("- command: `").append(command).append("`\n\n").append(table(results)).append("\n").append(TARGETS).append("\n\n")
                .append("![throughput](fanout.png)\n\n![latency](latency.png)\n");
        Files.writeString(dir.resolve("latest.md"), md);
        Files.writeString(dir.resolve("latest.json"), json(results, machine));
        fanoutPlot(results, dir.resolve("fanout.png"));
        latencyPlot(results, dir.resolve("latency.png"));
    }

    private static Graphics2D canvas(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void legend(Graphics2D g, int x, int y) {
        String[] names = {"herald.jar", "WildFly (EAR)", "Node ws peer"};
        Color[] colors = {HERALD, WILDFLY, PEER};
        for (int i = 0; i < names.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(x, y - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(names[i], x + 16, y);
            x += 16 + g.getFontMetrics().stringWidth(names[i]) + 14;
        }
    }

    /** Bars of deliveries/s per fan-out scenario and subscriber count: herald.jar, WildFly (when it ran) and the peer side by side. */
    static void fanoutPlot(List<Result> results, Path file) throws IOException {
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (Result r : results) {
            if (!r.scenario().startsWith("fan-out") || r.deliveriesPerSecond() < 0) {
                continue;
            }
            String key = r.scenario().replace("fan-out ", "") + " / " + r.subscribers();
            double[] bars = groups.computeIfAbsent(key, k -> new double[] {-1, -1, -1});
            bars[slot(r.target())] = r.deliveriesPerSecond();
        }
        BufferedImage image = new BufferedImage(900, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, "Fan-out throughput (deliveries/s) by producer and subscriber count");
        double max = groups.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
        int left = 90;
        int bottom = 420;
        int height = 340;
        axis(g, left, bottom, height, max, false);
        int slot = groups.isEmpty() ? 1 : (860 - left) / groups.size();
        int i = 0;
        Color[] colors = {HERALD, WILDFLY, PEER};
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            int x = left + i * slot + slot / 8;
            int w = slot / 4;
            int k = 0;
            for (int b = 0; b < 3; b++) {
                if (e.getValue()[b] >= 0) {
                    bar(g, x + k++ * w, bottom, height, max, e.getValue()[b], colors[b], w);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), x, bottom + 16);
            i++;
        }
        legend(g, 560, 48);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** The bar of a target in a fan-out group: herald.jar, WildFly, the peer. */
    private static int slot(String target) {
        return target.equals("herald") ? 0 : target.equals("wildfly") ? 1 : 2;
    }

    /** p50/p99/p99.9 per latency scenario on a log scale, each target in its colour. */
    static void latencyPlot(List<Result> results, Path file) throws IOException {
        List<Result> rows = results.stream().filter(r -> r.p50() >= 0).toList();
        BufferedImage image = new BufferedImage(1100, 620, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, "Latency, event timestamp to receipt (ms, log scale): p50 / p99 / p99.9 per scenario");
        int left = 70;
        int bottom = 430;
        int height = 360;
        double max = rows.stream().mapToDouble(Result::p999).max().orElse(10);
        axis(g, left, bottom, height, max, true);
        int slot = rows.isEmpty() ? 1 : (1080 - left) / rows.size();
        for (int i = 0; i < rows.size(); i++) {
            Result r = rows.get(i);
            Color color = r.target().equals("herald") ? HERALD : r.target().equals("wildfly") ? WILDFLY : PEER;
            int x = left + i * slot + 4;
            int w = Math.max(4, (slot - 10) / 3);
            double[] values = {r.p50(), r.p99(), r.p999()};
            for (int k = 0; k < 3; k++) {
                g.setColor(k == 0 ? color : k == 1 ? color.darker() : color.darker().darker());
                int y = logY(values[k], max, bottom, height);
                g.fillRect(x + k * w, y, w - 1, bottom - y);
            }
            g.setColor(Color.BLACK);
            g.rotate(Math.toRadians(35), x, bottom + 12);
            g.drawString(r.scenario().replace("latency ", "") + " " + r.subscribers() + " (" + r.target() + ")", x, bottom + 12);
            g.rotate(-Math.toRadians(35), x, bottom + 12);
        }
        legend(g, 700, 48);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static int logY(double value, double max, int bottom, int height) {
        double top = Math.log10(Math.max(10, max * 1.5));
        double v = Math.log10(Math.max(1, value));
        return bottom - (int) (height * (v / top));
    }

    private static void axis(Graphics2D g, int left, int bottom, int height, double max, boolean log) {
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, left, bottom - height);
        g.drawLine(left, bottom, 1080, bottom);
        if (log) {
            for (double v = 1; v <= max * 1.5; v *= 10) {
                int y = logY(v, max, bottom, height);
                g.drawLine(left - 4, y, left, y);
                g.drawString(num(v, 0), 10, y + 4);
            }
        } else {
            for (int k = 0; k <= 4; k++) {
                double v = max * k / 4;
                int y = bottom - (int) (height * k / 4.0);
                g.drawLine(left - 4, y, left, y);
                g.drawString(num(v, 0), 10, y + 4);
            }
        }
    }

    private static void bar(Graphics2D g, int x, int bottom, int height, double max, double value, Color color, int width) {
        if (value < 0) {
            return;
        }
        int h = (int) (height * value / max);
        g.setColor(color);
        g.fillRect(x, bottom - h, width - 2, h);
        g.setColor(Color.BLACK);
        g.drawString(num(value, 0), x, bottom - h - 4);
    }
}
