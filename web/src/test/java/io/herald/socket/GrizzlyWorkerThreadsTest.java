package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.grizzly.attributes.AttributeBuilder;
import org.glassfish.grizzly.memory.HeapBuffer;
import org.glassfish.grizzly.memory.HeapMemoryManager;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.threadpool.DefaultWorkerThread;
import org.junit.jupiter.api.Test;

/** Sender threads as Grizzly worker threads, whose output buffers come from a thread-local pool. */
class GrizzlyWorkerThreadsTest {

    private static final ClassLoader APP = new ClassLoader(GrizzlyWorkerThreadsTest.class.getClassLoader()) {
    };

    @Test
    void withoutALiveGrizzlyWorkerThreadTheFallbackMakesTheThreads() {
        Thread fallbackThread = new Thread(() -> { });
        ThreadFactory threads = GrizzlyWorkerThreads.orElse(APP, task -> fallbackThread);

        assertSame(fallbackThread, threads.newThread(() -> { }));
    }

    @Test
    void onceGrizzlyRunsTheThreadsAreItsWorkersWithTheApplicationsLoaderAndPooledBuffers() throws Exception {
        MemoryManager<?> memory = new HeapMemoryManager();
        CountDownLatch stop = new CountDownLatch(1);
        // a live Grizzly worker thread, as Payara's HTTP threads are once a client connected
        Thread http = new DefaultWorkerThread(AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER, "http-thread",
                ((HeapMemoryManager) memory).createThreadLocalPool(), () -> {
                    try {
                        stop.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        Thread fallbackThread = new Thread(() -> { });
        ThreadFactory threads = GrizzlyWorkerThreads.orElse(APP, task -> fallbackThread);
        assertSame(fallbackThread, threads.newThread(() -> { }), "no Grizzly thread yet: the fallback");
        http.start();
        try {
            AtomicReference<ClassLoader> loader = new AtomicReference<>();
            int[] pooled = new int[1];
            Thread sender = threads.newThread(() -> {
                loader.set(Thread.currentThread().getContextClassLoader());
                pooled[0] = ((HeapBuffer) memory.allocate(8192)).array().length;
            });
            assertTrue(sender instanceof DefaultWorkerThread, "found once it runs: " + sender.getClass());
            sender.start();
            sender.join(10_000);
            assertSame(APP, loader.get(), "the application's class loader as context");
            assertEquals(((HeapMemoryManager) memory).getMaxBufferSize(), pooled[0], "an 8 KiB buffer is a slice of the thread's pooled array");

            int[] plain = new int[1];
            Thread other = new Thread(() -> plain[0] = ((HeapBuffer) memory.allocate(8192)).array().length);
            other.start();
            other.join(10_000);
            assertEquals(8192, plain[0], "on any other thread, a new array of its own");
            assertFalse(other instanceof DefaultWorkerThread);
        } finally {
            stop.countDown();
            http.join(10_000);
        }
    }
}
