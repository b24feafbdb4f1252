package io.herald.launcher;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * What the JVM was given: its maximum heap and the file descriptors it may open. The launcher
 * does not restart the JVM with other options (a second process would outlive a {@code kill -9}
 * of the first, and break the PID that scripts and service managers hold); it prints the heap the
 * JVM chose and says how to set it when nobody did.
 */
public final class ProcessLimits {

    /** Options by which a user sets the maximum heap. */
    private static final List<String> HEAP_OPTIONS = List.of("-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAMPercentage=", "-XX:MaxRAM=",
            "-XX:MaxRAMFraction=");

    private ProcessLimits() {
    }

    /** The process's limit on open file descriptors, or -1 when the JVM cannot tell. */
    public static long maxFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }

    /** The banner's memory line for this JVM. */
    public static String heapAdvice() {
        return heapAdvice(Runtime.getRuntime().maxMemory(), ManagementFactory.getRuntimeMXBean().getInputArguments(), maxFileDescriptors());
    }

    /**
     * @param maxHeap the JVM's maximum heap in bytes
     * @param jvmArguments the JVM's options (with those from {@code JDK_JAVA_OPTIONS})
     * @param maxFileDescriptors the open file limit, -1 if unknown
     */
    static String heapAdvice(long maxHeap, List<String> jvmArguments, long maxFileDescriptors) {
        boolean chosen = jvmArguments.stream().anyMatch(arg -> HEAP_OPTIONS.stream().anyMatch(arg::startsWith));
        String files = maxFileDescriptors > 0 ? "; open files limit " + maxFileDescriptors : "";
        return "max heap " + size(maxHeap) + (chosen ? "" : " (the JVM's default, a quarter of RAM; set it: java -Xmx1g -jar herald.jar,"
                + " or JDK_JAVA_OPTIONS=-Xmx1g)") + files;
    }

    static String size(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024 ? String.format(Locale.ROOT, "%.1f GiB", mib / 1024) : String.format(Locale.ROOT, "%.0f MiB", mib);
    }
}
