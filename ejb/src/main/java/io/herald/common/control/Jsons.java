package io.herald.common.control;

import static io.herald.common.control.Jsons.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. Every static {@code jakarta.json.JSON.createX}
 * call looks the provider up again through a {@code ServiceLoader} scan of the class path (on
 * Payara Micro, probes of nested jars that fail with exceptions): milliseconds per call on the hot
 * path. Herald looks it up once and creates every parser, reader and builder from it.
 */
public final class Jsons {

    /** Use {@code JSON.createObjectBuilder()} etc. where {@code JSON.createObjectBuilder()} would be written. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
