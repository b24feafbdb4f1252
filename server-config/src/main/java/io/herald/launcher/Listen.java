package io.herald.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code java -jar herald.jar listen <product> [options] [channel-or-room ...]}: connects to a
 * running Herald as a client of one product ({@link ListenProduct}), subscribes, and prints every
 * text frame it receives on standard output, one line each, as received (so it can be piped to
 * {@code jq}); what happens to the connection goes to standard error. It runs until Ctrl-C or
 * SIGTERM (it closes with 1000; the JVM exits with 128 + the signal, 130 for Ctrl-C) or until the
 * server closes the socket (exit 0 for 1000, else 1); an unreachable server, a refused sign-in or
 * connect, and 60 s without a frame or a ping exit 1, bad arguments 2. The server's WebSocket pings are answered by the JDK's client; none of the
 * five documents asks a client to answer anything else.
 */
final class Listen implements WebSocket.Listener {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The README's advice: a client that has heard nothing, no frame and no ping, for this long treats the server as gone. */
    static final Duration SILENCE = Duration.ofSeconds(60);
    private static final String PREFIX = "listen: ";
    /** RFC 6455's code for a connection that ended without a close frame (never sent on the wire). */
    private static final int ABNORMAL_CLOSURE = 1006;

    private final ListenProduct product;
    private final ListenProduct.Plan plan;
    private final URI uri;
    private final PrintStream out;
    private final PrintStream err;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<WebSocket> sending;
    private boolean ready;
    private volatile long lastHeard = System.nanoTime();

    private Listen(ListenProduct product, ListenProduct.Plan plan, URI uri, PrintStream out, PrintStream err) {
        this.product = product;
        this.plan = plan;
        this.uri = uri;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code listen} with the arguments after the word {@code listen}. @return the process exit code */
    static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) {
        ListenOptions.Request request;
        try {
            request = ListenOptions.parse(args, settings);
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + e.getMessage());
            err.println("Usage: " + usageLine() + "  (listen --help for more)");
            return 2;
        }
        if (request instanceof ListenOptions.Help) {
            out.println(usage());
            return 0;
        }
        ListenOptions options = ((ListenOptions.Listen) request).options();
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        try {
            ListenProduct.Plan plan = options.product().plan(options, (url, body, who) -> signIn(http, url, body, who), Instant.now());
            return new Listen(options.product(), plan, options.ws(plan.pathAndQuery()), out, err).listen(http);
        } catch (ListenFailure e) {
            err.println(PREFIX + e.getMessage());
            return e.exitCode();
        }
    }

    static String usageLine() {
        return "java -jar herald.jar listen <" + String.join("|", ListenProduct.names().split(", ")) + "> [--url URL] [options] [channel-or-room ...]";
    }

    /** The usage text of {@code listen --help}. */
    static String usage() {
        return String.join("\n",
                "Usage: " + usageLine(),
                "  Connects to a running Herald with the README's demo credentials (or yours), subscribes, and prints every",
                "  frame received as one line of JSON on stdout (connection news on stderr) until Ctrl-C.",
                options("  "));
    }

    /** The options and the products' defaults, each line indented by {@code indent} (also in the launcher's {@code --help}). */
    static String options(String indent) {
        return String.join("\n",
                indent + "--url URL  Herald's base URL (default http://127.0.0.1:8080, or the port of herald.http.port / HERALD_HTTP_PORT)",
                indent + "--user USER / --token JWT  a demo token for USER signed as `herald.jar token` does, or your own token",
                ListenProduct.usage(indent));
    }

    private int listen(HttpClient http) throws ListenFailure {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        plan.headers().forEach(builder::header);
        WebSocket socket;
        try {
            socket = builder.buildAsync(uri, this).join();
        } catch (CompletionException e) {
            throw new ListenFailure(unreachable(uri, e.getCause()));
        }
        Thread stopper = new Thread(() -> stop(socket), "listen-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "listen-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastHeard > SILENCE.toNanos()) {
                finish(1, "no frame and no ping from the server for " + SILENCE.toSeconds() + " s: treating it as gone");
            }
        }, 5, 5, TimeUnit.SECONDS);
        int code = exit.join();
        watchdog.shutdownNow();
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").completeOnTimeout(socket, 1, TimeUnit.SECONDS).exceptionally(e -> socket).join();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs and finds the exit decided
        }
        return code;
    }

    /** Ctrl-C: closes the socket with 1000 and waits a moment for the close to go out. */
    private void stop(WebSocket socket) {
        if (!exit.complete(0)) {
            return;
        }
        err.println(PREFIX + "stopped; closing the connection");
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "listen stopped").completeOnTimeout(socket, 1, TimeUnit.SECONDS)
                    .exceptionally(e -> socket).join();
        }
    }

    @Override
    public void onOpen(WebSocket socket) {
        heard();
        err.println(PREFIX + "connected to " + uri.resolve(uri.getRawPath()) + " as " + plan.identity());
        synchronized (this) {
            sending = CompletableFuture.completedFuture(socket);
        }
        plan.hello().forEach(message -> send("sending", message));
        if (plan.readyType() == null) {
            subscribe();
        }
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        heard();
        partial.append(data);
        if (last) {
            String frame = partial.toString().replace('\r', ' ').replace('\n', ' ');
            partial.setLength(0);
            synchronized (out) {
                out.println(frame);
                out.flush();
            }
            beforeReady(frame);
        }
        socket.request(1);
        return null;
    }

    /** Until the ready frame: sends the subscriptions when it comes, and stops at an error (a refused connect or token). */
    private void beforeReady(String frame) {
        if (ready || plan.readyType() == null) {
            return;
        }
        Object json;
        try {
            json = MiniJson.read(frame);
        } catch (IllegalArgumentException e) {
            return;
        }
        Object type = MiniJson.member(json, "type");
        if (plan.readyType().equals(type)) {
            ready = true;
            subscribe();
        } else if ("error".equals(type)) {
            Object message = MiniJson.member(json, "message");
            if (message == null) {
                message = MiniJson.member(MiniJson.member(json, "data"), "message");
            }
            finish(1, product.wireName() + ": the server refused the connection: " + (message == null ? frame : message));
        }
    }

    private void subscribe() {
        if (plan.subscriptions().isEmpty()) {
            err.println(PREFIX + "listening (" + product.wireName() + " sends without subscriptions)");
        }
        plan.subscriptions().forEach(message -> send("subscribing", message));
    }

    /** Sends one message after the ones before it (the JDK's WebSocket takes one send at a time). */
    private synchronized void send(String what, String message) {
        err.println(PREFIX + what + ": " + message);
        sending = sending.thenCompose(s -> s.sendText(message, true));
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        heard();
        err.println(PREFIX + "ignored a binary frame of " + data.remaining() + " bytes");
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
        heard(); // the JDK answers with the pong itself
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
        heard();
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        String how = statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason);
        if (statusCode == WebSocket.NORMAL_CLOSURE) {
            finish(0, "the server closed the connection: " + how);
        } else if (statusCode == ABNORMAL_CLOSURE) {
            finish(1, "the connection ended without a close frame (1006): the server stopped or the network failed");
        } else {
            finish(1, "the server closed the connection with " + how);
        }
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        finish(1, "connection lost: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    private void heard() {
        lastHeard = System.nanoTime();
    }

    private void finish(int code, String message) {
        if (exit.complete(code)) {
            err.println(PREFIX + message);
        }
    }

    /** Posts the commerce login. @return the {@code Cookie} header of the session */
    private static String signIn(HttpClient http, URI url, String body, String who) throws ListenFailure {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(CONNECT_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ListenFailure(unreachable(url, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ListenFailure("interrupted while signing in");
        }
        if (response.statusCode() != 200) {
            Object message = null;
            try {
                message = MiniJson.member(MiniJson.read(response.body()), "message");
            } catch (IllegalArgumentException e) {
                // not the documented JSON error: the status says enough
            }
            throw new ListenFailure("sign-in as " + who + " failed: HTTP " + response.statusCode() + (message == null ? "" : " " + message));
        }
        String cookie = response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0].trim())
                .filter(c -> c.contains("=")).collect(Collectors.joining("; "));
        if (cookie.isEmpty()) {
            throw new ListenFailure("sign-in as " + who + " answered 200 without a session cookie");
        }
        return cookie;
    }

    /** One line on why {@code uri} could not be reached or upgraded. */
    static String unreachable(URI uri, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException handshake) {
            return "the server refused the WebSocket upgrade at " + uri.resolve(uri.getRawPath()) + ": HTTP " + handshake.getResponse().statusCode();
        }
        String server = uri.getScheme().replace("ws", "http") + "://" + uri.getRawAuthority();
        if (causes(cause, HttpTimeoutException.class)) {
            return "no answer from " + server + " within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (causes(cause, ConnectException.class)) {
            return "cannot reach Herald at " + server + " (connection refused): is it running? (java -jar herald.jar, or --url)";
        }
        return "cannot reach Herald at " + server + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    private static boolean causes(Throwable error, Class<? extends Throwable> kind) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
