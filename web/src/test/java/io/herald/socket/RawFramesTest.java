package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.operations.control.ProductMeter;
import jakarta.json.Json;
import jakarta.websocket.Session;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Frames written as ready WebSocket frames (the Tyrus sink): the encoding, sharing and batching. */
class RawFramesTest {

    /** A sink that takes complete frames, as Tyrus' {@code sendRawFrame} does. */
    private static final class FrameRecorder extends FrameSink.OfSession {
        final List<ByteBuffer> writes = new ArrayList<>();
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();

        FrameRecorder(Session session) {
            super(session);
        }

        @Override
        public boolean write(String text, Runnable resume) {
            throw new AssertionError("the frames path is used");
        }

        @Override
        public boolean writesFrames() {
            return true;
        }

        @Override
        public void writeFrames(ByteBuffer frames) {
            writes.add(frames);
            wire.write(frames.array(), frames.arrayOffset() + frames.position(), frames.remaining());
        }

        /** The payloads of the text frames written, parsed back from the bytes. */
        List<String> texts() {
            byte[] b = wire.toByteArray();
            List<String> texts = new ArrayList<>();
            int at = 0;
            while (at < b.length) {
                assertEquals((byte) 0x81, b[at], "FIN and text opcode");
                long n = b[at + 1] & 0x7f;
                int header = 2;
                if (n == 126) {
                    n = ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
                    header = 4;
                } else if (n == 127) {
                    n = 0;
                    for (int i = 0; i < 8; i++) {
                        n = (n << 8) | (b[at + 2 + i] & 0xff);
                    }
                    header = 10;
                }
                texts.add(new String(b, at + header, (int) n, StandardCharsets.UTF_8));
                at += header + (int) n;
            }
            return texts;
        }
    }

    private final FakeSession client = new FakeSession("s1");
    private final FrameRecorder sink = new FrameRecorder(client.session());
    private final Queue<Runnable> senderTasks = new ArrayDeque<>();

    private SocketSubscriber subscriber() {
        return new SocketSubscriber(sink, new ProductMeter("commerce"), "commerce", e -> "{\"id\":" + e.id() + ",\"text\":\"" + "ü€😀" + "\"}",
                new SendLimits(100, 1 << 20, 1 << 20), senderTasks::add);
    }

    private void runSender() {
        Runnable task;
        while ((task = senderTasks.poll()) != null) {
            task.run();
        }
    }

    @Test
    void lengthsOfEverySizeAreEncodedAsRfc6455Says() {
        for (int n : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 70_000}) {
            String text = "x".repeat(n);
            byte[] frame = OutgoingFrame.textFrame(text);
            int header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
            assertEquals(header + n, frame.length, "length " + n);
            sink.writeFrames(ByteBuffer.wrap(frame));
        }
        assertEquals(List.of(0, 1, 125, 126, 127, 65_535, 65_536, 70_000), sink.texts().stream().map(String::length).toList());
    }

    @Test
    void framesQueuedWhileTheSenderWaitsGoOutInOneWriteInOrder() {
        SocketSubscriber cut = subscriber();
        cut.send("{\"type\":\"subscribed\"}");
        for (long id = 1; id <= 5; id++) {
            cut.deliver(new Delivery(event(id)));
        }
        runSender();

        assertEquals(1, sink.writes.size(), "one write for the burst");
        assertEquals(List.of("{\"type\":\"subscribed\"}", "{\"id\":1,\"text\":\"ü€😀\"}", "{\"id\":2,\"text\":\"ü€😀\"}",
                "{\"id\":3,\"text\":\"ü€😀\"}", "{\"id\":4,\"text\":\"ü€😀\"}", "{\"id\":5,\"text\":\"ü€😀\"}"), sink.texts());
        assertEquals(0, cut.queuedFrames());
    }

    @Test
    void aBurstIsCutIntoWritesOfAtMostTheBatchSizeAndALargeFrameGoesAlone() {
        SocketSubscriber cut = subscriber();
        String big = "y".repeat(SocketSubscriber.BATCH_BYTES + 10);
        String medium = "z".repeat(SocketSubscriber.BATCH_BYTES / 3);
        for (int i = 0; i < 4; i++) {
            cut.send(medium);
        }
        cut.send(big);
        cut.send("end");
        runSender();

        assertEquals(List.of(medium, medium, medium, medium, big, "end"), sink.texts());
        for (ByteBuffer w : sink.writes) {
            assertEquals(true, w.remaining() <= SocketSubscriber.BATCH_BYTES || sink.writes.indexOf(w) == 2, "batch " + sink.writes.indexOf(w));
        }
        assertEquals(4, sink.writes.size(), "two mediums a write (three would pass the batch size), the large one alone, then the last");
    }

    @Test
    void sessionsOfOneFormatShareTheEncodedFrame() {
        Delivery delivery = new Delivery(event(7));
        SocketSubscriber one = subscriber();
        FakeSession other = new FakeSession("s2");
        FrameRecorder otherSink = new FrameRecorder(other.session());
        SocketSubscriber two = new SocketSubscriber(otherSink, new ProductMeter("commerce"), "commerce", e -> "{\"id\":" + e.id() + "}",
                new SendLimits(100, 1 << 20, 1 << 20), Runnable::run);

        one.deliver(delivery);
        two.deliver(delivery);
        runSender();

        assertSame(sink.writes.get(0).array(), otherSink.writes.get(0).array(), "one encoding, shared");
        assertArrayEquals(sink.wire.toByteArray(), otherSink.wire.toByteArray());
    }

    private static EventEnvelope event(long id) {
        return new EventEnvelope(id, "commerce", "order:updated", Set.of("commerce:order_changes"),
                Json.createObjectBuilder().build(), Instant.parse("2026-01-25T10:30:00Z"));
    }
}
