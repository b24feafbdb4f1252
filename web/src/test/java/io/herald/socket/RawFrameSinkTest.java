package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.websocket.Extension;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the Tyrus sink reaches a session's socket: its {@code sendRawFrame}, one handle for all sessions. */
public class RawFrameSinkTest {

    /** Stands for Tyrus' {@code TyrusWebSocket}. */
    public static final class Socket {
        final List<ByteBuffer> frames = new ArrayList<>();

        public Object sendRawFrame(ByteBuffer frame) {
            frames.add(frame);
            return null;
        }
    }

    /** Stands for Tyrus' remote endpoint, which holds its socket in the field {@code webSocket}. */
    abstract static class Remote implements RemoteEndpoint.Basic {
        private final Socket webSocket = new Socket();
    }

    /** A subclass, as Tyrus' basic remote is. */
    static final class BasicRemote extends Remote {
        @Override
        public void sendText(String text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendBinary(ByteBuffer data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendText(String partialMessage, boolean isLast) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendBinary(ByteBuffer partialByte, boolean isLast) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutputStream getSendStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Writer getSendWriter() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendObject(Object data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setBatchingAllowed(boolean allowed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getBatchingAllowed() {
            return false;
        }

        @Override
        public void flushBatch() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendPing(ByteBuffer applicationData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendPong(ByteBuffer applicationData) {
            throw new UnsupportedOperationException();
        }
    }

    private static Session session(Object remote) {
        return (Session) Proxy.newProxyInstance(RawFrameSinkTest.class.getClassLoader(), new Class<?>[] {Session.class},
                (p, method, args) -> switch (method.getName()) {
                    case "getBasicRemote" -> remote;
                    case "getNegotiatedExtensions" -> List.<Extension>of();
                    case "hashCode" -> System.identityHashCode(p);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void everySessionWritesToItsOwnSocketThroughOneSharedHandle() {
        BasicRemote first = new BasicRemote();
        BasicRemote second = new BasicRemote();
        FrameSink.RawFrameSink a = FrameSink.RawFrameSink.of(session(first));
        FrameSink.RawFrameSink b = FrameSink.RawFrameSink.of(session(second));
        assertNotNull(a);
        assertNotNull(b);
        // a handle bound to each socket would be turned into a class of its own per session by the JDK
        assertSame(a.send, b.send);
        for (int i = 0; i < 300; i++) {
            a.writeFrames(ByteBuffer.wrap(new byte[] {(byte) 0x81, 1, (byte) 'a'}));
            if (i % 2 == 0) {
                b.writeFrames(ByteBuffer.wrap(new byte[] {(byte) 0x81, 1, (byte) 'b'}));
            }
        }
        assertEquals(300, ((Remote) first).webSocket.frames.size());
        assertEquals(150, ((Remote) second).webSocket.frames.size());
        assertEquals('b', ((Remote) second).webSocket.frames.get(0).get(2));
    }

    @Test
    void aRemoteWithoutASocketFieldGetsNoRawSink() {
        RemoteEndpoint.Basic withoutSocket = (RemoteEndpoint.Basic) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Basic.class}, (p, method, args) -> null);
        assertNull(FrameSink.RawFrameSink.of(session(withoutSocket)));
    }
}
