package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
    static class Remote {
        private final Socket webSocket = new Socket();
    }

    /** A subclass, as Tyrus' basic remote is. */
    static final class BasicRemote extends Remote {
    }

    @Test
    void everySessionWritesToItsOwnSocketThroughOneSharedHandle() {
        BasicRemote first = new BasicRemote();
        BasicRemote second = new BasicRemote();
        FrameSink.RawFrameSink a = FrameSink.RawFrameSink.of(new FakeSession("a").session(), first);
        FrameSink.RawFrameSink b = FrameSink.RawFrameSink.of(new FakeSession("b").session(), second);
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
        assertNull(FrameSink.RawFrameSink.of(new FakeSession("c").session(), new Object()));
    }
}
