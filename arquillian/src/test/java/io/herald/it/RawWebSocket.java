package io.herald.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that reads only when the test says so, with a small
 * receive buffer: a client that stops reading, as a stalled browser tab or a hostile client does.
 * It never answers pings on its own.
 */
public final class RawWebSocket implements AutoCloseable {

    /** A frame as read from the wire. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame. */
        public int closeCode() {
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens {@code path} on the node with extra handshake headers; fails unless the server answers 101. */
    public static RawWebSocket open(Gateway node, String path, Map<String, String> headers) throws IOException {
        return open(node, path, headers, List.of());
    }

    /**
     * Opens {@code path} and sends {@code texts} as text frames in the same write as the handshake,
     * before its answer: a client that does not wait for the 101. Fails unless the server answers 101.
     */
    public static RawWebSocket open(Gateway node, String path, Map<String, String> headers, List<String> texts) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
        socket.setSoTimeout(15_000);
        RawWebSocket ws = new RawWebSocket(socket);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + node.port()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        burst.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        for (String text : texts) {
            burst.write(frame(text));
        }
        ws.out.write(burst.toByteArray());
        ws.out.flush();
        String status = ws.readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
        return ws;
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    }

    /** Sends a masked text frame. */
    public void send(String text) throws IOException {
        out.write(frame(text));
        out.flush();
    }

    /** Sends {@code texts} as text frames in one write. */
    public void sendAll(List<String> texts) throws IOException {
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (String text : texts) {
            burst.write(frame(text));
        }
        out.write(burst.toByteArray());
        out.flush();
    }

    private static byte[] frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("short frames only");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /** Reads the next frame (blocking up to 15 s). */
    public Frame read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** Reads text frames until one contains {@code fragment}; returns it. */
    public String readTextContaining(String fragment) throws IOException {
        while (true) {
            Frame frame = read();
            if (frame.opcode() == 1 && frame.text().contains(fragment)) {
                return frame.text();
            }
        }
    }

    /**
     * Reads everything the server sent until its close frame or the end of the connection.
     *
     * @return the close frame, if one came; the text frames read are added to {@code texts}
     */
    public Optional<Frame> drainUntilClose(List<String> texts) throws IOException {
        try {
            while (true) {
                Frame frame = read();
                if (frame.opcode() == 8) {
                    return Optional.of(frame);
                }
                if (frame.opcode() == 1) {
                    texts.add(frame.text());
                }
            }
        } catch (EOFException | SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    public static List<String> newList() {
        return new ArrayList<>();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
