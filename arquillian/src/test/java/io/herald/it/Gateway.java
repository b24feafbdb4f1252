package io.herald.it;

import java.net.URI;

/** A running Herald the tests talk to: a herald.jar process or a full application server with the EAR. */
public interface Gateway {

    /** {@code http://127.0.0.1:<port><path>} */
    default URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** {@code ws://127.0.0.1:<port><path>} */
    default URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    int port();
}
