package io.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakTest {

    @Test
    void writesTheSamplesTheSummaryAndThePlot(@TempDir Path dir) throws Exception {
        List<Soak.Sample> samples = List.of(new Soak.Sample(0.25, 120, 600, 150, 3, 12, 3000),
                new Soak.Sample(0.5, 140, 610, 151, 4, 15, 3000), new Soak.Sample(0.75, 130, 612, 150, 3, 30, 3000));

        Soak.write(dir, samples, 1, 1000, 10);

        assertEquals(4, Files.readAllLines(dir.resolve("soak.csv")).size());
        assertEquals("0.25,120.0,600.0,150,3,12,3000", Files.readAllLines(dir.resolve("soak.csv")).get(1));
        String md = Files.readString(dir.resolve("soak.md"));
        assertTrue(md.contains("| heap in use (MB, not forced by a GC) | 120 | 130 | 140 |"), md);
        assertTrue(md.contains("| p99 delivery latency (ms) | 12 | 30 | 30 |"), md);
        assertTrue(md.contains("9000 deliveries"), md);
        assertEquals(1000, ImageIO.read(dir.resolve("soak.png").toFile()).getWidth());
    }
}
