package io.herald.common.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and evolves Herald's schema with Flyway before EclipseLink logs in to the database
 * (the persistence unit deploys at startup, {@code eclipselink.deploy-on-startup}), so nothing in
 * Herald touches a table before its migration ran. The versioned scripts are in
 * {@code db/migration/h2} and {@code db/migration/postgresql}; Flyway records them in
 * {@value #HISTORY} and takes a database lock while it migrates, so nodes starting at the same
 * time run each migration once.
 */
public class SchemaMigrations implements SessionCustomizer {

    public static final String HISTORY = "herald_schema_history";
    /**
     * H2 only: the table whose single row a node locks while it migrates; in a schema of its own,
     * because Flyway refuses to start on a non-empty schema without its history table.
     */
    public static final String H2_LOCK_SCHEMA = "HERALD_MIGRATION";
    public static final String H2_LOCK = H2_LOCK_SCHEMA + ".LOCK";
    private static final int H2_LOCK_WAIT_MILLIS = 120_000;
    static final String DATA_SOURCE = "jdbc/herald";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Override
    public void customize(Session session) throws NamingException, SQLException {
        migrate((DataSource) new InitialContext().lookup(DATA_SOURCE));
    }

    /**
     * Runs the pending migrations of the database's vendor; @return how many ran. PostgreSQL's
     * Flyway takes an advisory lock first. On H2 Flyway's lock needs its history table, so nodes
     * creating a fresh database at the same moment could both run the first version, and the loser
     * would leave a failed row in the history that no retry gets past; there each node first takes
     * the row lock of {@value #H2_LOCK}, which the other nodes wait on until the migrations are
     * committed.
     */
    public static int migrate(DataSource dataSource) throws SQLException {
        String vendor = vendor(dataSource);
        if (!vendor.equals("h2")) {
            return migrateOnce(dataSource, vendor);
        }
        try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + H2_LOCK_WAIT_MILLIS);
            createLockRow(s);
            lock.setAutoCommit(false);
            try {
                s.executeQuery("SELECT id FROM " + H2_LOCK + " WHERE id = 1 FOR UPDATE").close();
                return migrateOnce(dataSource, vendor);
            } finally {
                lock.rollback();
            }
        }
    }

    /**
     * The lock's schema, table and row, each created if missing. H2's {@code IF NOT EXISTS} and
     * {@code MERGE} are not atomic between sessions (a second node starting at the same moment can
     * get "object already exists" or a duplicate key): all three are idempotent, so a node that
     * collides tries again.
     */
    private static void createLockRow(Statement s) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + H2_LOCK_SCHEMA);
                s.execute("CREATE TABLE IF NOT EXISTS " + H2_LOCK + " (id INT PRIMARY KEY)");
                s.execute("MERGE INTO " + H2_LOCK + " KEY (id) VALUES (1)");
                return;
            } catch (SQLException e) {
                if (attempt == 10) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static int migrateOnce(DataSource dataSource, String vendor) {
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .table(HISTORY)
                .load()
                .migrate();
        LOG.info(() -> "Schema " + (result.migrationsExecuted == 0 ? "up to date" : "migrated") + " at version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion) + " (" + vendor + ")");
        return result.migrationsExecuted;
    }

    /** {@code postgresql} or {@code h2}, the folder of its scripts. */
    static String vendor(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Herald has schema migrations for PostgreSQL and H2, not for " + product);
        }
    }
}
