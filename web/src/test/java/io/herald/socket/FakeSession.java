package io.herald.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.InvocationHandler;
import java.nio.ByteBuffer;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket session whose asynchronous sends complete only when the test says so, like a
 * client that reads slowly. Records every frame handed to the container and every close.
 */
public final class FakeSession {

    /** Texts handed to {@code getAsyncRemote().sendText}, in order. */
    public final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.Map<String, Object> userProperties = new java.util.concurrent.ConcurrentHashMap<>();
    /** Close reasons passed to {@code close}, in order. */
    public final List<CloseReason> closes = new ArrayList<>();
    private final List<SendHandler> inFlight = new ArrayList<>();
    private final Session session;
    private boolean open = true;
    private boolean closeLater;
    private RuntimeException sendFailure;
    private boolean completeAtOnce;
    private boolean answerPings;
    private MessageHandler.Whole<PongMessage> pongHandler;
    /** Payloads of the pings sent, in order. */
    public final List<ByteBuffer> pings = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public FakeSession(String id) {
        RemoteEndpoint.Async async = proxy(RemoteEndpoint.Async.class, (p, method, args) -> {
            if (method.getName().equals("sendText") && args.length == 2 && args[1] instanceof SendHandler handler) {
                if (sendFailure != null) {
                    throw sendFailure;
                }
                sent.add((String) args[0]);
                if (completeAtOnce) {
                    handler.onResult(new SendResult());
                } else {
                    inFlight.add(handler);
                }
                return null;
            }
            if (method.getName().equals("sendPing")) {
                ByteBuffer payload = (ByteBuffer) args[0];
                pings.add(payload.duplicate());
                if (answerPings) {
                    pong(payload.duplicate());
                }
                return null;
            }
            return objectMethod(p, method.getName(), args, "async remote " + id);
        });
        session = proxy(Session.class, (p, method, args) -> switch (method.getName()) {
            case "getId" -> id;
            case "isOpen" -> open;
            case "getUserProperties" -> userProperties;
            case "getAsyncRemote" -> async;
            case "addMessageHandler" -> {
                if (args.length == 2 && args[0] == PongMessage.class) {
                    pongHandler = (MessageHandler.Whole<PongMessage>) args[1];
                }
                yield null;
            }
            case "close" -> {
                closes.add(args == null ? null : (CloseReason) args[0]);
                open = closeLater;
                yield null;
            }
            default -> objectMethod(p, method.getName(), args, "session " + id);
        });
    }

    private static Object objectMethod(Object proxy, String name, Object[] args, String label) {
        return switch (name) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> label;
            default -> throw new UnsupportedOperationException(name);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FakeSession.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    public Session session() {
        return session;
    }

    /** How many sends the container has started and not yet completed. */
    public int inFlight() {
        return inFlight.size();
    }

    /** The client has read the oldest frame in flight. */
    public void completeNext() {
        inFlight.remove(0).onResult(new SendResult());
    }

    /** The oldest frame in flight could not be written. */
    public void failNext(Throwable cause) {
        inFlight.remove(0).onResult(new SendResult(cause));
    }

    /** {@code close} only starts the closing handshake: the session stays open for a while. */
    public void closeLater() {
        closeLater = true;
    }

    /**
     * Every send completes as soon as it is handed over, as Tyrus does while its container
     * accepts writes: the completion says nothing about what the client has read.
     */
    public void completeAtOnce() {
        completeAtOnce = true;
    }

    /** The client answers every ping with a pong, as RFC 6455 requires of a client that reads. */
    public void answerPings() {
        answerPings = true;
    }

    /** A pong with this payload arrives from the client. */
    public void pong(ByteBuffer payload) {
        if (pongHandler != null) {
            pongHandler.onMessage(() -> payload);
        }
    }

    /** The connection drops without a close from our side. */
    public void drop() {
        open = false;
    }

    /** From now on {@code sendText} throws at once, as containers do on a broken connection. */
    public void failSendsWith(RuntimeException failure) {
        sendFailure = failure;
    }
}
