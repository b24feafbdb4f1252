package io.herald.common.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
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
    static final String DATA_SOURCE = "jdbc/herald";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Override
    public void customize(Session session) throws NamingException, SQLException {
        migrate((DataSource) new InitialContext().lookup(DATA_SOURCE));
    }

    /**
     * Runs the pending migrations of the database's vendor; @return how many ran. On H2 Flyway's
     * lock exists only once its history table does, so nodes creating a fresh database at the same
     * moment can collide on the first version; the losers try again and find it applied (PostgreSQL
     * takes an advisory lock first and never gets there).
     */
    public static int migrate(DataSource dataSource) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return migrateOnce(dataSource);
            } catch (FlywayException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.info(() -> "Schema migration collided with another node's (" + e.getMessage() + "); trying again");
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static int migrateOnce(DataSource dataSource) throws SQLException {
        String vendor = vendor(dataSource);
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
