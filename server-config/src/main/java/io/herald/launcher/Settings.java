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
