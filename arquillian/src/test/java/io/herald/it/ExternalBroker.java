package io.herald.it;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;

/** A real Artemis broker on 127.0.0.1 that the nodes share, like an external broker in production. */
public final class ExternalBroker implements AutoCloseable {

    /** The broker's per-message audit lines would drown the test output. */
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    static {
        AUDIT.setLevel(Level.WARNING);
    }

    private final int port;
    private final String user;
    private final String password;
    private EmbeddedActiveMQ broker;

    public ExternalBroker() {
        this(null, null);
    }

    private ExternalBroker(String user, String password) {
        this.port = HeraldNode.freePort();
        this.user = user;
        this.password = password;
    }

    /** A broker that refuses connections without this user's credentials ({@code --require-login}). */
    public static ExternalBroker withLogin(String user, String password) {
        return new ExternalBroker(user, password);
    }

    /** The user a client must log in as, or {@code null} when the broker takes anyone. */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Starts the broker (again, after {@link #stop()}) on the same port. */
    public ExternalBroker start() throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("herald-it-broker");
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(user != null);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("it", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ().setConfiguration(config);
        if (user != null) {
            config.putSecurityRoles("#", Set.of(new Role("herald", true, true, true, true, true, true, true, true, true, true)));
            ActiveMQSecurityManagerImpl users = new ActiveMQSecurityManagerImpl();
            users.getConfiguration().addUser(user, password);
            users.getConfiguration().addRole(user, "herald");
            embedded.setSecurityManager(users);
        }
        broker = embedded.start();
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
