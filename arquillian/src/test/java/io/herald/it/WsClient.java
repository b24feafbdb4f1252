package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A WebSocket client as an application would write one: it collects text frames and the close. */
public final class WsClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);

    /** The close frame the server sent. */
    public record Close(int code, String reason) {
    }

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        StringBuilder partial = new StringBuilder();
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Close(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
            }
        }).join();
    }

    public static WsClient connect(URI uri) {
        return new WsClient(uri, Map.of());
    }

    public static WsClient connect(URI uri, Map<String, String> headers) {
        return new WsClient(uri, headers);
    }

    public WsClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public WsClient sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
        return this;
    }

    /** The next text frame as raw text; fails after {@link #WAIT}. */
    public String nextText() {
        return nextText(WAIT);
    }

    /** The next text frame as raw text; fails after {@code wait}. */
    public String nextText(Duration wait) {
        try {
            String text = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                fail("no message within " + wait + (closed.isDone() ? "; socket closed: " + closed.getNow(null) : ""));
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next text frame as a JSON object. */
    public JsonObject next() {
        return next(WAIT);
    }

    /** The next text frame as a JSON object, waiting at most {@code wait}. */
    public JsonObject next(Duration wait) {
        return documented(nextText(wait));
    }

    /**
     * Herald's extension field on durable events ({@code event_id}, {@code eventId} in trading):
     * the frames the tests compare with their documents come without it, and it is kept here.
     */
    private static final java.util.List<String> EVENT_ID_FIELDS = java.util.List.of("event_id", "eventId");
    private volatile String lastEventId;

    /** The event id of the last frame returned by {@link #next} or {@link #poll} that carried one. */
    public String lastEventId() {
        return lastEventId;
    }

    private JsonObject documented(String text) {
        JsonObject frame;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            frame = reader.readObject();
        }
        for (String field : EVENT_ID_FIELDS) {
            if (frame.get(field) instanceof jakarta.json.JsonString id) {
                lastEventId = id.getString();
                return Json.createObjectBuilder(frame).remove(field).build();
            }
        }
        return frame;
    }

    /** The next text frame as a JSON object, or empty if none arrives within {@code wait}. */
    public java.util.Optional<JsonObject> poll(Duration wait) {
        try {
            String text = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(documented(text));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message, which must have {@code "type": type}. */
    public JsonObject expectType(String type) {
        JsonObject message = next();
        assertEquals(type, message.getString("type", null), () -> "unexpected message " + message);
        return message;
    }

    /** The next message, which must be the commerce event {@code event} (commerce frames name it in {@code event}). */
    public JsonObject expectEvent(String event) {
        JsonObject message = next();
        assertEquals(event, message.getString("event", null), () -> "unexpected message " + message);
        return message;
    }

    /**
     * Waits until the server ends the connection: its close frame, or empty when the connection
     * broke instead (a server that closes with frames of the client still unread makes the kernel
     * reset the connection, and the reset can overtake the close frame).
     */
    public java.util.Optional<Close> awaitEnd() {
        try {
            return java.util.Optional.of(closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return fail("the server did not end the connection within " + WAIT);
        } catch (ExecutionException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Close awaitClose() {
        try {
            Close close = closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(close);
            return close;
        } catch (TimeoutException e) {
            return fail("the server did not close the socket within " + WAIT);
        } catch (ExecutionException e) {
            return fail("socket failed instead of closing: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Messages received and not yet read. */
    public int pending() {
        return messages.size();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
