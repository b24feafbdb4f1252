package io.herald.socket;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Logger;

/**
 * Works around a Tyrus cost that no configuration removes. Tyrus (GlassFish, Payara) schedules
 * a fresh idle-timeout task for every frame a session sends or receives and for every new
 * session, even with no idle timeout set ({@code TyrusSession.restartIdleTimeoutExecutor}), on
 * the server's default managed scheduled executor. Payara captures the thread context for every
 * such task, which includes a {@code ServiceLoader} scan of the class path: measured at half the
 * CPU of a WebSocket handshake and about a millisecond per received frame on Payara Micro.
 *
 * <p>Herald's sockets have no idle timeout of their own (their deadlines are in
 * {@link SocketTimers}), so this listener gives the application's Tyrus container a plain
 * scheduler (one thread from the managed thread factory) for those tasks. Where the container is
 * not Tyrus, or its fields are not as expected, nothing changes and one line says so.
 */
@WebListener
public class IdleTimerScheduler implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(IdleTimerScheduler.class.getName());
    static final String TYRUS_BASE_CONTAINER = "org.glassfish.tyrus.core.BaseContainer";
    static final String FIELD = "managedScheduledExecutorService";

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    private ScheduledThreadPoolExecutor scheduler;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            return;
        }
        Field field = schedulerField(container.getClass());
        if (field == null) {
            LOG.fine(() -> "WebSocket container " + container.getClass().getName() + " is not Tyrus; its scheduler is left as it is");
            return;
        }
        ScheduledThreadPoolExecutor plain = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = threadFactory.newThread(task);
            thread.setName("herald-websocket-idle-timer");
            thread.setDaemon(true);
            return thread;
        });
        plain.setRemoveOnCancelPolicy(true);
        try {
            field.setAccessible(true);
            field.set(container, plain);
            scheduler = plain;
            LOG.info("Tyrus idle-timeout tasks run on a plain scheduler (no context capture per frame)");
        } catch (ReflectiveOperationException | RuntimeException e) {
            plain.shutdownNow();
            LOG.info(() -> "Tyrus idle-timeout tasks stay on the managed scheduler (" + e + "): every frame costs a context capture");
        }
    }

    /** The Tyrus container's managed scheduler field, or {@code null} when this is not Tyrus. */
    static Field schedulerField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(TYRUS_BASE_CONTAINER)) {
                try {
                    Field field = c.getDeclaredField(FIELD);
                    return ScheduledExecutorService.class.isAssignableFrom(field.getType()) ? field : null;
                } catch (NoSuchFieldException e) {
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
