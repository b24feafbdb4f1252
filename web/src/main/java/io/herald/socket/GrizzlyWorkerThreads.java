package io.herald.socket;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/**
 * Sender threads that Grizzly (Payara's HTTP layer) treats as its own worker threads, so that the
 * buffers it allocates when they write come from a thread-local pool.
 *
 * <p>Why: Grizzly's {@code OutputBuffer} takes a fresh buffer of its full size (8 KiB) from the
 * {@code HeapMemoryManager} for every flushed write. On a Grizzly {@code DefaultWorkerThread} that
 * is a slice of the thread's pooled 64 KiB array, and the unused rest goes back to the pool when
 * the buffer is trimmed at the flush; on any other thread it is a new {@code byte[8192]}
 * ({@code HeapMemoryManager.allocateHeapBuffer}, {@code AbstractMemoryManager.getThreadLocalPool}).
 * For Herald's sender threads, which write ~150-byte frames, that was the largest allocation per
 * delivered frame (JFR: 46 % of the bytes).
 *
 * <p>The Grizzly classes are not visible to the application, so they are found through one of the
 * server's HTTP worker threads; on any other server (Undertow) there is none and the managed
 * thread factory is used as it is.
 */
final class GrizzlyWorkerThreads {

    private static final Logger LOG = Logger.getLogger(GrizzlyWorkerThreads.class.getName());
    static final String WORKER_THREAD = "org.glassfish.grizzly.threadpool.DefaultWorkerThread";

    private GrizzlyWorkerThreads() {
    }

    /**
     * Grizzly worker threads when this JVM runs Grizzly, else threads of {@code fallback}. Which one
     * is decided for each new thread until Grizzly is found: the sender pool starts its threads with
     * its first tasks, once sockets exist, and Payara may start its HTTP worker threads only then
     * (none is alive while the application is deployed).
     */
    static ThreadFactory orElse(ClassLoader contextLoader, ThreadFactory fallback) {
        return new ThreadFactory() {
            private volatile ThreadFactory grizzly;

            @Override
            public Thread newThread(Runnable task) {
                ThreadFactory found = grizzly;
                if (found == null) {
                    found = find(contextLoader).orElse(null);
                    grizzly = found;
                }
                return (found != null ? found : fallback).newThread(task);
            }
        };
    }

    /**
     * A factory of Grizzly worker threads that run their task with {@code contextLoader} as context
     * class loader, or empty when this JVM has no Grizzly worker thread to learn the classes from.
     */
    static Optional<ThreadFactory> find(ClassLoader contextLoader) {
        Class<?> worker = workerClass();
        if (worker == null) {
            return Optional.empty();
        }
        try {
            ClassLoader grizzly = worker.getClassLoader();
            Class<?> attributeBuilder = Class.forName("org.glassfish.grizzly.attributes.AttributeBuilder", false, grizzly);
            Object attributes = attributeBuilder.getField("DEFAULT_ATTRIBUTE_BUILDER").get(null);
            Object memoryManager = Class.forName("org.glassfish.grizzly.memory.MemoryManager", false, grizzly)
                    .getField("DEFAULT_MEMORY_MANAGER").get(null);
            Method createPool = Class.forName("org.glassfish.grizzly.memory.ThreadLocalPoolProvider", false, grizzly)
                    .getMethod("createThreadLocalPool");
            Class<?> pool = Class.forName("org.glassfish.grizzly.memory.ThreadLocalPool", false, grizzly);
            Constructor<?> create = worker.getConstructor(attributeBuilder, String.class, pool, Runnable.class);
            LOG.fine(() -> "Sender threads are Grizzly worker threads with a pool of " + memoryManager.getClass().getName());
            return Optional.of(task -> {
                Runnable withLoader = () -> {
                    Thread.currentThread().setContextClassLoader(contextLoader);
                    task.run();
                };
                try {
                    return (Thread) create.newInstance(attributes, "herald-sender", createPool.invoke(memoryManager), withLoader);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Grizzly worker thread not created: " + e, e);
                }
            });
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.info(() -> "Sender threads stay plain threads (" + e + "): Grizzly allocates an 8 KiB buffer per frame they write");
            return Optional.empty();
        }
    }

    /** Grizzly's worker thread class, from a live thread that is one (or extends it); {@code null} when none runs. */
    private static Class<?> workerClass() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 32];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            for (Class<?> c = threads[i].getClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals(WORKER_THREAD)) {
                    return c;
                }
            }
        }
        return null;
    }
}
