package io.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the bench tells that a JVM server has finished compiling its hot code. */
class WarmUpTest {

    @Test
    void readsUserAndSystemTimeFromAStatLineWhoseNameHoldsSpacesAndParentheses() {
        String stat = "4711 (C2 CompilerThre) S 1 4700 4700 0 -1 4194368 120 0 0 0 250 37 0 0 20 0 1 0 900 0 0";
        assertEquals((250 + 37) * 10, Servers.cpuMillis(stat));
        String odd = "4712 (a) b (c) R 1 4700 4700 0 -1 4194368 120 0 0 0 3 4 0 0 20 0 1 0 900 0 0";
        assertEquals(70, Servers.cpuMillis(odd));
    }

    @Test
    void theCompilersShareIsTheirPartOfTheCpuBetweenTwoReadings() {
        assertEquals(0.25, Bench.warmUpShare(new long[] {1000, 100}, new long[] {5000, 1100}), 1e-9);
        assertEquals(0, Bench.warmUpShare(null, new long[] {5000, 1100}));
        assertEquals(0, Bench.warmUpShare(new long[] {5000, 1100}, new long[] {5000, 1100}));
    }

    @Test
    void readsThisJvmsCompilerThreads() {
        long[] self = Servers.cpuAndCompilerMillis(ProcessHandle.current().pid());
        assertNotNull(self, "this machine has /proc");
        assertTrue(self[0] > 0 && self[1] >= 0 && self[1] <= self[0], self[0] + " " + self[1]);
    }
}
