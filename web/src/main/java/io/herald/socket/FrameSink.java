package io.herald.socket;

import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;

/** How text frames of one session reach the container. */
interface FrameSink {

    /**
     * Hands one complete text frame to the container without blocking.
     *
     * @param resume called when the next frame may be written, if this returns {@code false}
     * @return {@code true} if the next frame may be written at once
     * @throws RuntimeException if the container refuses the frame (connection closing)
     */
    boolean write(String text, Runnable resume);

    /** Sends a ping frame with this application data (at most 125 bytes), without blocking. */
    void ping(ByteBuffer payload) throws IOException;

    Session session();

    /**
     * The sink for a session. On Tyrus (GlassFish, Payara) every {@code RemoteEndpoint} send
     * schedules a new idle-timeout task on the server's managed scheduled executor, which captures
     * the thread context each time: far more than the write itself. Its {@code getSendWriter()}
     * is implemented as a non-blocking hand-over to the connection's ordered write queue and
     * does no such work, so Herald writes through it there. Other containers (Undertow on
     * WildFly) get the portable {@code getAsyncRemote().sendText} with one frame in flight.
     */
    static FrameSink of(Session session) {
        return session.getClass().getName().startsWith("org.glassfish.tyrus.")
                ? new StreamingSink(session) : new AsyncRemoteSink(session);
    }

    /** What both sinks share: the session, and pings through its asynchronous remote. */
    abstract class OfSession implements FrameSink {

        private final Session session;

        OfSession(Session session) {
            this.session = session;
        }

        @Override
        public void ping(ByteBuffer payload) throws IOException {
            session.getAsyncRemote().sendPing(payload);
        }

        @Override
        public Session session() {
            return session;
        }
    }

    /** Tyrus: {@code getBasicRemote().getSendWriter()} queues the frame on the connection and returns. */
    final class StreamingSink extends OfSession {

        StreamingSink(Session session) {
            super(session);
        }

        @Override
        public boolean write(String text, Runnable resume) {
            try (var writer = session().getBasicRemote().getSendWriter()) {
                writer.write(text);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return true;
        }

        /**
         * Tyrus schedules its idle-timeout task for a ping too, and Payara's managed scheduler then
         * looks for thread-context providers with a {@code ServiceLoader} on the thread's context
         * class loader (about a millisecond on the application's loader, which probes every jar of
         * the server). Herald has no such providers, so the scan runs against the platform class
         * loader, which answers at once. ({@link IdleTimerScheduler} normally spares this already.)
         */
        @Override
        public void ping(ByteBuffer payload) throws IOException {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
            try {
                super.ping(payload);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** Any container: one asynchronous send in flight; the next frame follows its completion. */
    final class AsyncRemoteSink extends OfSession {

        AsyncRemoteSink(Session session) {
            super(session);
        }

        @Override
        public boolean write(String text, Runnable resume) {
            session().getAsyncRemote().sendText(text, result -> resume.run());
            return false;
        }
    }
}
