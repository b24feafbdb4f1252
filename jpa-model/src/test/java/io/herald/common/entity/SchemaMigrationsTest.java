package io.herald.common.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private static JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    @Test
    void aFreshDatabaseGetsTheSchemaOnceWithRealTimestamps() throws Exception {
        JdbcDataSource db = h2("migrate-" + System.nanoTime());
        assertEquals("h2", SchemaMigrations.vendor(db));
        assertEquals(5, SchemaMigrations.migrate(db),
                "the baseline, the event log's identity, the used order-status signatures, the point-of-sale members, the notifications' event ids");
        assertEquals(0, SchemaMigrations.migrate(db), "already at the latest version");
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'ORDERS_ORDER' AND column_name = 'CREATED_AT'")) {
            assertTrue(r.next());
            assertEquals("TIMESTAMP WITH TIME ZONE", r.getString(1));
        }
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT data_type, is_nullable FROM information_schema.columns WHERE table_name = 'INVENTORY_NOTIFICATION' AND column_name = 'EVENT_ID'")) {
            assertTrue(r.next());
            assertEquals("BIGINT", r.getString(1));
            assertEquals("YES", r.getString(2), "notifications stored before it have none");
        }
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC' AND table_name <> '" + SchemaMigrations.HISTORY + "'")) {
            r.next();
            assertEquals(29, r.getInt(1), "every product's tables, the event log and its identity");
        }
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT epoch, pruned_through FROM herald_log_identity")) {
            assertTrue(r.next());
            assertTrue(r.getString(1).matches("[0-9a-f]{12}"), r.getString(1));
            assertEquals(0, r.getLong(2));
            assertTrue(!r.next(), "one row");
        }
    }

    @Test
    void nodesStartingTogetherMigrateOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            JdbcDataSource db = h2("together-" + round + "-" + System.nanoTime());
            int nodeCount = 6;
            ExecutorService nodes = Executors.newFixedThreadPool(nodeCount);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < nodeCount; i++) {
                    Callable<Integer> node = () -> {
                        start.await();
                        return SchemaMigrations.migrate(db);
                    };
                    runs.add(nodes.submit(node));
                }
                start.countDown();
                int executed = 0;
                for (Future<Integer> run : runs) {
                    executed += run.get();
                }
                assertEquals(5, executed, "each version once");
                try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM \"" + SchemaMigrations.HISTORY + "\" WHERE NOT \"success\"")) {
                    r.next();
                    assertEquals(0, r.getInt(1), "no failed migration in the history");
                }
            } finally {
                nodes.shutdown();
            }
        }
    }
}
