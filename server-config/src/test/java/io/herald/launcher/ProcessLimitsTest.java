package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessLimitsTest {

    @Test
    void theDefaultHeapComesWithAdvice() {
        String advice = ProcessLimits.heapAdvice(6L << 30, List.of("-XX:TieredStopAtLevel=1"), 20_000);
        assertTrue(advice.startsWith("max heap 6.0 GiB (the JVM's default, a quarter of RAM; set it: java -Xmx1g -jar herald.jar"), advice);
        assertTrue(advice.endsWith("; open files limit 20000"), advice);
    }

    @Test
    void aChosenHeapIsOnlyReported() {
        assertEquals("max heap 384 MiB", ProcessLimits.heapAdvice(384L << 20, List.of("-Xmx384m"), -1));
        assertEquals("max heap 1.5 GiB", ProcessLimits.heapAdvice(3L << 29, List.of("-XX:MaxRAMPercentage=25"), -1));
    }
}
