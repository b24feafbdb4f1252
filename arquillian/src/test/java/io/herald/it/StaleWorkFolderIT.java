package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A launcher killed with SIGKILL leaves its work folder behind; the next launcher deletes it. */
@LongRun
class StaleWorkFolderIT {

    private static List<Path> foldersOf(long pid) throws Exception {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("herald-"))
                    .filter(p -> {
                        try {
                            Path owner = p.resolve("herald.pid");
                            return Files.isRegularFile(owner) && Files.readString(owner).trim().equals(String.valueOf(pid));
                        } catch (Exception e) {
                            return false;
                        }
                    }).toList();
        }
    }

    @Test
    void theNextLauncherDeletesTheFolderOfAKilledOne() throws Exception {
        HeraldNode killed = HeraldNode.start("killed", Map.of());
        List<Path> left = foldersOf(killed.pid());
        assertEquals(1, left.size(), "the launcher records its pid in its work folder");
        killed.kill();
        assertTrue(Files.exists(left.get(0)), "a killed launcher cannot clean up");

        try (HeraldNode next = HeraldNode.start("after-kill", Map.of())) {
            assertFalse(Files.exists(left.get(0)), "the next launcher deleted the stale folder");
            assertTrue(next.logText().matches("(?s).*Deleted \\d+ work folder\\(s\\) left behind by killed launchers.*"), "one line says so");
        }
    }
}
