package io.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private final Latencies latencies = new Latencies();

    private List<Result> results() {
        for (int i = 1; i <= 100; i++) {
            latencies.record(i);
        }
        return List.of(
                Result.deliveries("fan-out REST", "herald", 500, 200, 50_000, 0, latencies),
                Result.deliveries("fan-out ephemeral", "herald", 500, 200, 80_000, 0, latencies),
                Result.deliveries("fan-out REST", "peer", 500, 200, 100_000, 0, latencies),
                Result.connections("herald", 1000, 500, 30_000, 25_000, 300, 300, "n"),
                Result.connections("peer", 1000, 2000, 2_000, 5_000, 7, 7, "n"));
    }

    @Test
    void ratiosCompareHeraldWithThePeerOfTheSameScenarioAndSize() {
        List<Result> all = results();

        assertEquals(0.5, Report.ratio(all.get(0), all, false).orElseThrow(), 1e-9);
        assertEquals(0.8, Report.ratio(all.get(1), all, false).orElseThrow(), 1e-9);
        assertTrue(Report.ratio(all.get(2), all, false).isEmpty());
        assertEquals(0.25, Report.ratio(all.get(3), all, true).orElseThrow(), 1e-9);
    }

    @Test
    void wildFlyRowsAreComparedWithThePeerAsHeraldJarsAre() {
        List<Result> all = new java.util.ArrayList<>(results());
        all.add(Result.deliveries("fan-out REST", "wildfly", 500, 200, 25_000, 0, latencies));
        all.add(Result.deliveries("fan-out ephemeral", "wildfly", 500, 200, 120_000, 0, latencies));
        all.add(Result.connections("wildfly", 1000, 1000, 40_000, 30_000, 200, 210, "n"));

        assertEquals(0.25, Report.ratio(all.get(5), all, false).orElseThrow(), 1e-9);
        assertEquals(1.2, Report.ratio(all.get(6), all, false).orElseThrow(), 1e-9);
        assertEquals(0.5, Report.ratio(all.get(7), all, true).orElseThrow(), 1e-9);
    }

    @Test
    void groupedPutsATargetRunLaterNextToTheRowsOfItsScenarioAndSize() {
        List<Result> all = List.of(
                Result.deliveries("fan-out REST", "herald", 500, 200, 1, 0, latencies),
                Result.deliveries("fan-out REST", "peer", 500, 200, 1, 0, latencies),
                Result.deliveries("fan-out REST", "herald", 1000, 200, 1, 0, latencies),
                Result.connections("herald", 1000, 1, 1, 1, 1, 1, "n"),
                Result.deliveries("fan-out REST", "wildfly", 500, 200, 1, 0, latencies),
                Result.deliveries("fan-out ephemeral", "wildfly", 1000, 200, 1, 0, latencies),
                Result.connections("wildfly", 998, 1, 1, 1, 1, 1, "n"));

        List<Result> grouped = Report.grouped(all);

        assertEquals(List.of(all.get(0), all.get(1), all.get(4), all.get(2), all.get(5), all.get(3), all.get(6)), grouped);
    }

    @Test
    void percentilesComeFromTheHistogram() {
        results();

        assertEquals(50, latencies.p50());
        assertEquals(99, latencies.p99());
        assertEquals(100, latencies.max());
    }

    @Test
    void theTableHasAHeaderAndOneRowPerResult() {
        String table = Report.table(results());

        assertEquals(2 + 5, table.lines().count());
        assertTrue(table.contains("| fan-out REST | herald | 500 | 200 | 50,000 | 0 |"), table);
        assertTrue(table.contains("0.50"), table);
    }

    @Test
    void writesMarkdownJsonAndTwoPngs(@TempDir Path dir) throws Exception {
        Report.write(dir, results(), Map.of("cpus", "2"), "bench/run.sh");

        assertTrue(Files.readString(dir.resolve("latest.md")).contains("| scenario |"));
        assertTrue(Files.readString(dir.resolve("latest.json")).contains("\"deliveriesPerSecond\": 50000.0"));
        assertTrue(Files.size(dir.resolve("fanout.png")) > 1000);
        assertTrue(Files.size(dir.resolve("latency.png")) > 1000);
    }
}
