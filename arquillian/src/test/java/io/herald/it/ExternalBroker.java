package io.herald.it;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** A real Artemis broker on 127.0.0.1 that the nodes share, like an external broker in production. */
public final class ExternalBroker implements AutoCloseable {

    private final int port;
    private EmbeddedActiveMQ broker;

    public ExternalBroker() {
        this.port = HeraldNode.freePort();
    }

    /** Starts the broker (again, after {@link #stop()}) on the same port. */
    public ExternalBroker start() throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("herald-it-broker");
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("it", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        broker = new EmbeddedActiveMQ().setConfiguration(config).start();
        return this;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
