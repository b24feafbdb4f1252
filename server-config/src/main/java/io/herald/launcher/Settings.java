package io.herald.launcher;

import java.util.Locale;
import java.util.Map;

/**
 * Launcher settings, read the way MicroProfile Config reads them: a system property
 * ({@code -Dherald.http.port=8081}) wins over an environment variable ({@code HERALD_HTTP_PORT}),
 * which wins over the default.
 */
public final class Settings {

    public static final String HTTP_PORT = "herald.http.port";
    public static final String BROKER_URL = "herald.broker.url";
    public static final String BROKER_USER = "herald.broker.user";
    public static final String BROKER_PASSWORD = "herald.broker.password";
    public static final String DB_URL = "herald.db.url";
    public static final String DB_USER = "herald.db.user";
    public static final String DB_PASSWORD = "herald.db.password";
    /** Demo mode (the application reads the same key): demo data, admin/admin and the demo JWT key. Default true. */
    public static final String DEMO_ENABLED = "herald.demo.enabled";
    /** The address the HTTP listener binds: 127.0.0.1 in demo mode, 0.0.0.0 otherwise ({@code --host} sets it). */
    public static final String HTTP_HOST = "herald.http.host";
    /**
     * Seconds a connection may stay silent before the server closes it: a request whose line and
     * headers stop arriving, and an idle keep-alive connection. Upgraded WebSocket connections are
     * not affected.
     */
    public static final String HTTP_IDLE_TIMEOUT = "herald.http.idle-timeout-seconds";
    public static final int DEFAULT_HTTP_IDLE_TIMEOUT = 15;
    /** Open HTTP and WebSocket connections the server accepts at once; more are closed on accept. */
    public static final String HTTP_MAX_CONNECTIONS = "herald.http.max-connections";
    /** Payara's MicroProfile OpenAPI document at /openapi (anonymous). Default false. */
    public static final String OPENAPI_ENABLED = "herald.openapi.enabled";
    /** More WAR files to deploy beside Herald, separated by commas ({@code --deploy} adds to it). */
    public static final String DEPLOY = "herald.deploy";

    public static final String DEFAULT_DB_URL = "jdbc:h2:mem:herald;DB_CLOSE_DELAY=-1";

    private final Map<String, String> env;

    public Settings(Map<String, String> env) {
        this.env = env;
    }

    public static Settings fromSystem() {
        return new Settings(System.getenv());
    }

    /** The value of {@code key}, or {@code fallback} when neither property nor variable is set (or blank). */
    public String get(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = env.get(environmentName(key));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * A boolean read as MicroProfile Config reads it, so that the launcher and the application agree:
     * {@code true}, {@code 1}, {@code yes}, {@code y} and {@code on} (any case) are true, anything else false.
     */
    public boolean flag(String key, boolean fallback) {
        String value = get(key, null);
        return value == null ? fallback : java.util.Set.of("true", "1", "yes", "y", "on").contains(value.toLowerCase(Locale.ROOT));
    }

    /** A whole number from 1 up; @throws IllegalArgumentException for anything else */
    public int positive(String key, int fallback) {
        String value = get(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number from 1 up, got: " + value);
        }
    }

    /** {@value #DEMO_ENABLED}, default {@code true}. */
    public boolean demoMode() {
        return flag(DEMO_ENABLED, true);
    }

    /** {@value #HTTP_HOST}; without it 127.0.0.1 in demo mode (public demo key, admin/admin), else every interface. */
    public String httpHost() {
        return get(HTTP_HOST, demoMode() ? "127.0.0.1" : "0.0.0.0");
    }

    public int port(String key, int fallback) {
        String value = get(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a port number from 1 to 65535, got: " + value);
        }
    }

    /** The WAR files of {@value #DEPLOY}, each checked to exist. */
    public java.util.List<java.nio.file.Path> deployments() {
        String value = get(DEPLOY, "");
        java.util.List<java.nio.file.Path> wars = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            java.nio.file.Path war = java.nio.file.Path.of(part.trim()).toAbsolutePath();
            if (!java.nio.file.Files.isRegularFile(war) || !war.getFileName().toString().endsWith(".war")) {
                throw new IllegalArgumentException(DEPLOY + ": not a .war file: " + war);
            }
            wars.add(war);
        }
        return wars;
    }

    /** MicroProfile Config's mapping: non-alphanumerics become {@code _}, then upper case. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
