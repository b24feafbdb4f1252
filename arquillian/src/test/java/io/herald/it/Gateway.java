package io.herald.it;

import java.net.URI;

/** A running Herald the tests talk to: a herald.jar process or a full application server with the EAR. */
public interface Gateway {

    URI http(String path);

    URI ws(String path);

    int port();
}
