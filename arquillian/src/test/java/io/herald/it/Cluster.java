package io.herald.it;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two Herald nodes on one external broker and one shared database, started once for the whole
 * test run (the first test class that needs them starts them) and stopped at its end.
 * Use with {@code @ExtendWith(Cluster.class)} and {@link #get()}.
 */
public final class Cluster implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static Cluster instance;

    private ExternalBroker broker;
    private SharedDatabase database;
    private HeraldNode nodeA;
    private HeraldNode nodeB;

    public static synchronized Cluster get() {
        if (instance == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(Cluster.class)");
        }
        return instance;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Cluster.class) {
            if (instance == null) {
                Cluster cluster = new Cluster();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Cluster.class.getName(), cluster);
                cluster.start();
                instance = cluster;
            }
        }
    }

    private void start() throws Exception {
        broker = new ExternalBroker().start();
        database = SharedDatabase.start();
        Map<String, String> env = nodeEnvironment();
        nodeA = HeraldNode.start("node-a", env);
        // the second node starts on the schema the first one created
        nodeB = HeraldNode.start("node-b", env);
    }

    /** What a node of this cluster is started with: the shared database and broker, the test keys. */
    public Map<String, String> nodeEnvironment() {
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("HERALD_BROKER_URL", broker.url());
        env.putAll(TestTokens.serverEnvironment());
        // short enough for a test to watch an unauthenticated order-status socket being closed
        env.put("HERALD_ORDERS_CONNECT_TIMEOUT_SECONDS", "10");
        env.put("HERALD_TRADING_AUTH_TIMEOUT_SECONDS", "5");
        return env;
    }

    public HeraldNode nodeA() {
        return nodeA;
    }

    public HeraldNode nodeB() {
        return nodeB;
    }

    public SharedDatabase database() {
        return database;
    }

    public ExternalBroker broker() {
        return broker;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {nodeB, nodeA, broker, database}) {
            if (c != null) {
                c.close();
            }
        }
    }
}
