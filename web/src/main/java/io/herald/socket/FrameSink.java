package io.herald.socket;

import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
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

    /** Whether {@link #writeFrames} takes complete, already encoded WebSocket frames. */
    default boolean writesFrames() {
        return false;
    }

    /**
     * Hands complete WebSocket frames ({@link OutgoingFrame#wire()}, one or several back to back)
     * to the connection's ordered write queue as they are, without blocking.
     *
     * @throws RuntimeException if the container refuses them (connection closing)
     */
    default void writeFrames(ByteBuffer frames) {
        throw new UnsupportedOperationException();
    }

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
        if (!session.getClass().getName().startsWith("org.glassfish.tyrus.")) {
            return new AsyncRemoteSink(session);
        }
        RawFrameSink raw = session.getNegotiatedExtensions().isEmpty() ? RawFrameSink.of(session) : null;
        return raw != null ? raw : new StreamingSink(session);
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
    class StreamingSink extends OfSession {

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

    /**
     * Tyrus, without extensions: the frames go to the connection's ordered write queue as bytes
     * that every session of a wire format shares, several frames of a session in one write.
     *
     * <p>Why: through {@code getSendWriter()} every frame of every session was copied to a
     * {@code char[]}, turned into a new {@code String}, encoded to UTF-8 and framed, then flushed on
     * its own (JFR: about 30 % of the bytes allocated per delivered frame). Tyrus'
     * {@code TyrusWebSocket.sendRawFrame(ByteBuffer)} (public, used by its own broadcast) writes a
     * ready frame through the same {@code ProtocolHandler} lock and writer queue as any other send,
     * so order with replies, pings and the close frame is kept. The socket is reached through the
     * remote endpoint's {@code webSocket} field; when that fails (another Tyrus), the writer path is
     * used. A negotiated extension (permessage-deflate) would have to transform the frames, so such
     * a session uses the writer path too.
     */
    final class RawFrameSink extends StreamingSink {

        private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RawFrameSink.class.getName());
        private static final MethodType SEND = MethodType.methodType(Object.class, Object.class, ByteBuffer.class);

        /**
         * {@code sendRawFrame} of the last Tyrus socket class seen, taking the socket as its first
         * argument: one handle for every session. A handle bound to each session's socket was
         * "customized" by the JDK after 127 calls into a class of its own, which the JIT then
         * compiled: one new class and its compilations per connection that had more than 127
         * writes (about 510 classes per burst of 600 events to 500 fresh connections).
         */
        private static volatile SocketClass known;

        private record SocketClass(Class<?> type, MethodHandle send) {
        }

        private final Object socket;
        /** The same for every session of a socket class. */
        final MethodHandle send;

        RawFrameSink(Session session, Object socket, MethodHandle send) {
            super(session);
            this.socket = socket;
            this.send = send;
        }

        /** The sink for a Tyrus session, or {@code null} when its socket or {@code sendRawFrame} cannot be reached. */
        static RawFrameSink of(Session session) {
            try {
                return of(session, session.getBasicRemote());
            } catch (RuntimeException e) {
                LOG.fine(() -> "Tyrus socket not reachable (" + e + "): frames go through the send writer");
                return null;
            }
        }

        /** As {@link #of(Session)}, with the session's remote endpoint, which holds the socket in its field {@code webSocket}. */
        static RawFrameSink of(Session session, Object remote) {
            try {
                for (Class<?> c = remote.getClass(); c != null; c = c.getSuperclass()) {
                    try {
                        Field field = c.getDeclaredField("webSocket");
                        field.setAccessible(true);
                        Object socket = field.get(remote);
                        return new RawFrameSink(session, socket, sendRawFrame(socket.getClass()));
                    } catch (NoSuchFieldException next) {
                        // a field of a superclass
                    }
                }
                LOG.fine(() -> "No webSocket field on " + remote.getClass().getName() + ": frames go through the send writer");
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.fine(() -> "Tyrus socket not reachable (" + e + "): frames go through the send writer");
            }
            return null;
        }

        /** {@code sendRawFrame(ByteBuffer)} of this socket class, as {@code (Object socket, ByteBuffer) -> Object}. */
        static MethodHandle sendRawFrame(Class<?> type) throws ReflectiveOperationException {
            SocketClass last = known;
            if (last == null || last.type() != type) {
                Method method = type.getMethod("sendRawFrame", ByteBuffer.class);
                last = new SocketClass(type, MethodHandles.publicLookup().unreflect(method).asType(SEND));
                known = last;
            }
            return last.send();
        }

        @Override
        public boolean writesFrames() {
            return true;
        }

        @Override
        public void writeFrames(ByteBuffer frames) {
            try {
                Object written = send.invokeExact(socket, frames);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e.getMessage(), e);
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
