package io.herald.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A JSON-over-HTTP client with its own cookie jar (one per simulated browser). */
public final class HttpJson {

    /** A response: status, body (JSON when there is one) and headers. */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        public Reply(int status, String body) {
            this(status, body, java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true));
        }

        /** The first value of header {@code name}, or {@code null}. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonValue json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        public JsonObject object() {
            return json().asJsonObject();
        }
    }

    private final Gateway node;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public HttpJson(Gateway node) {
        this.node = node;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Reply get(String path, Map<String, String> headers) {
        return send(builder(path, headers).GET());
    }

    public Reply get(String path) {
        return get(path, Map.of());
    }

    public Reply post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Reply post(String path, String json, Map<String, String> headers) {
        return send(builder(path, headers).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String path, String json) {
        return patch(path, json, Map.of());
    }

    public Reply patch(String path, String json, Map<String, String> headers) {
        return send(builder(path, headers).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return delete(path, Map.of());
    }

    public Reply delete(String path, Map<String, String> headers) {
        return send(builder(path, headers).DELETE());
    }

    /** The {@code Cookie} header this client would send to the node (for a WebSocket handshake). */
    public String cookieHeader() {
        return cookies.getCookieStore().get(URI.create("http://127.0.0.1:" + node.port() + "/")).stream()
                .map(HttpCookie::toString).collect(Collectors.joining("; "));
    }

    private HttpRequest.Builder builder(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(node.http(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
