package io.herald.launcher;

import java.net.URI;
import java.net.URISyntaxException;

/** An Artemis core-protocol address: {@code tcp://host:port}. */
public record BrokerAddress(String host, int port) {

    public static final int DEFAULT_PORT = 61616;

    public static BrokerAddress parse(String url) {
        try {
            URI uri = new URI(url.trim());
            if (!"tcp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("The broker URL must look like tcp://host:61616, got: " + url);
            }
            return new BrokerAddress(uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The broker URL must look like tcp://host:61616, got: " + url, e);
        }
    }

    /** The resource adapter's {@code ConnectionParameters} value. */
    public String connectionParameters() {
        return "host=" + host + ";port=" + port;
    }
}
