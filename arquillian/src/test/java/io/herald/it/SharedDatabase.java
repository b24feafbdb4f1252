package io.herald.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.h2.tools.Server;

/**
 * The database the nodes share. PostgreSQL when {@code HERALD_IT_PG_URL} (with
 * {@code HERALD_IT_PG_USER} / {@code HERALD_IT_PG_PASSWORD}) is set, as {@code .ci/run} does;
 * otherwise an H2 server on 127.0.0.1.
 */
public final class SharedDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private Server h2;
    /** The H2 server's folder of database files, {@code null} for an in-memory database. */
    private String baseDir;
    /** A shell command that restarts this PostgreSQL server, for {@link #restart()}. */
    private String restartCommand;

    private SharedDatabase(String url, String user, String password, Server h2) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2 = h2;
    }

    /**
     * The cluster's database. On PostgreSQL this empties the configured database's schema, so only
     * {@link Cluster} calls it; other tests with nodes of their own use {@link #startH2()}.
     */
    public static SharedDatabase start() throws SQLException {
        String pg = System.getenv("HERALD_IT_PG_URL");
        if (pg != null && !pg.isBlank()) {
            SharedDatabase db = new SharedDatabase(pg, System.getenv("HERALD_IT_PG_USER"), System.getenv("HERALD_IT_PG_PASSWORD"), null);
            db.resetPostgres();
            return db;
        }
        return startH2();
    }

    /** An H2 server on 127.0.0.1, whatever the environment says. */
    public static SharedDatabase startH2() throws SQLException {
        int port = HeraldNode.freePort();
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
        // with a password: the nodes' pools need one (an empty one reaches H2 as the literal "()"), and the
        // first connection, a node's, sets it for the in-memory database that tests then read too
        return new SharedDatabase("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:herald;DB_CLOSE_DELAY=-1", "sa", "herald", server);
    }

    /** An H2 server on 127.0.0.1 with the database in a file, so that {@link #restart()} keeps it. */
    public static SharedDatabase startH2OnDisk() throws SQLException, java.io.IOException {
        int port = HeraldNode.freePort();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("herald-it-h2-");
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", dir.toString()).start();
        SharedDatabase db = new SharedDatabase("jdbc:h2:tcp://127.0.0.1:" + port + "/herald", "sa", "herald", server);
        db.baseDir = dir.toString();
        return db;
    }

    /**
     * The fault run's database: PostgreSQL of its own when {@code HERALD_IT_FAULT_PG_URL} and
     * {@code HERALD_IT_FAULT_PG_RESTART} (a shell command that restarts that server) are set, as
     * {@code .ci/run} does (a second PostgreSQL server, so that restarting it leaves the shared
     * cluster's database alone); otherwise an H2 server on disk. Emptied first.
     */
    public static SharedDatabase restartable() throws SQLException, java.io.IOException {
        String pg = System.getenv("HERALD_IT_FAULT_PG_URL");
        String restart = System.getenv("HERALD_IT_FAULT_PG_RESTART");
        if (pg == null || pg.isBlank() || restart == null || restart.isBlank()) {
            return startH2OnDisk();
        }
        SharedDatabase db = new SharedDatabase(pg, System.getenv("HERALD_IT_PG_USER"), System.getenv("HERALD_IT_PG_PASSWORD"), null);
        db.restartCommand = restart;
        db.resetPostgres();
        return db;
    }

    /** Stops the database server (every connection breaks) and starts it again on the same port and files. */
    public void restart() throws Exception {
        if (restartCommand != null) {
            // into a file, not a pipe: the restarted server may inherit the command's output and keep a pipe open
            java.nio.file.Path log = java.nio.file.Files.createDirectories(java.nio.file.Path.of(System.getProperty("herald.it.logs", "target/it-logs")))
                    .resolve("database-restart.log");
            Process p = new ProcessBuilder("bash", "-c", restartCommand).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("restarting PostgreSQL failed; see " + log);
            }
            return;
        }
        String[] args = {"-tcpPort", String.valueOf(h2.getPort()), "-ifNotExists", "-baseDir", h2BaseDir()};
        h2.stop();
        h2 = Server.createTcpServer(args).start();
    }

    private String h2BaseDir() {
        return baseDir;
    }

    public boolean isPostgres() {
        return h2 == null;
    }

    /** The environment that points a node at this database. */
    public Map<String, String> environment() {
        return Map.of("HERALD_DB_URL", url, "HERALD_DB_USER", user == null ? "" : user,
                "HERALD_DB_PASSWORD", password == null ? "" : password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private void resetPostgres() throws SQLException {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    @Override
    public void close() {
        if (h2 != null) {
            h2.stop();
        }
    }
}
