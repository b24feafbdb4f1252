package io.herald.launcher.boot;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.ClusterCommandResult;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import fish.payara.micro.boot.AdminCommandRunner;
import io.herald.launcher.AsadminValues;
import io.herald.launcher.BrokerAddress;
import io.herald.launcher.BrokerAddresses;
import io.herald.launcher.ConnectionCap;
import io.herald.launcher.DemoJwt;
import io.herald.launcher.ListenProduct;
import io.herald.launcher.ProcessLimits;
import io.herald.launcher.Settings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** Starts the embedded default from an unpacked bundle; loaded by the launcher's class loader. */
public final class EmbeddedGateway {

    private static final Logger LOG = Logger.getLogger(EmbeddedGateway.class.getName());
    /**
     * The embedded broker's audit loggers (AMQ601500 and friends) write three lines of about 1.5 KB
     * for every message at INFO: gigabytes a day and a millisecond on every event's path. Held here
     * so the level set on it is not lost with a collected logger; set again after Payara Micro's
     * boot re-reads its logging configuration.
     */
    private static final Logger BROKER_AUDIT = Logger.getLogger("org.apache.activemq.audit");
    /**
     * Payara's connector utilities warn twice per start that Artemis' connection factory has no
     * setter for the pool's {@code UserName} and {@code Password}. Payara takes those two from the
     * pool as the default principal (which is what they are there for) and then tries them on the
     * factory too; only those two warnings are dropped, every other record of the logger passes.
     */
    private static final Logger CONNECTOR_UTIL = Logger.getLogger("javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors.util");
    static final String RESOURCE_ADAPTER = "artemis-ra";
    static final String JDBC_POOL = "herald-pool";
    static final String JMS_POOL = "herald-jms-pool";
    /** How long a request waits for a database connection (the pool's max wait), in ms. */
    static final int DB_MAX_WAIT_MS = 2000;
    static final String JMS_CONNECTION_FACTORY = "jms/herald/ConnectionFactory";
    static final String JMS_EVENTS_TOPIC = "jms/herald/Events";
    static final String EVENTS_ADDRESS = "herald.events";
    static final String JDBC_RESOURCE = "jdbc/herald";
    private static final String TRUST_STORE = "javax.net.ssl.trustStore";
    /** The admin page's password hash (read by the application; the banner warns while it is unset in demo mode). */
    static final String ADMIN_PASSWORD_HASH = "herald.admin.password-hash";
    /** Set by the application's {@code io.herald.web.ApplicationStarted} once its web module runs. */
    static final String STARTED_PROPERTY = "herald.application.started";
    /** Payara's data grid settings (domain level). */
    static final String GRID = "hazelcast-runtime-configuration.";
    /**
     * Grizzly's limit for a request's line and headers together (8 KiB by default, answered with
     * an empty 400 beyond it). Raised so that a token of up to 16 KB fits in an
     * {@code Authorization} header or an {@code access_token} parameter with the other headers; it
     * is a limit, not a buffer every connection holds.
     */
    static final String HEADER_LIMIT =
            "configs.config.server-config.network-config.protocols.protocol.http-listener.http.header-buffer-length-bytes";
    static final int HEADER_LIMIT_BYTES = 32768;
    static final String HTTP_LISTENER = "http-listener";
    static final String LISTENER_PREFIX = "configs.config.server-config.network-config.network-listeners.network-listener." + HTTP_LISTENER + ".";
    static final String HTTP_LISTENER_ENABLED = LISTENER_PREFIX + "enabled";
    static final String HTTP_PREFIX = "configs.config.server-config.network-config.protocols.protocol." + HTTP_LISTENER + ".http.";
    /**
     * Grizzly's idle timeout (its {@code IdleTimeoutFilter}): a connection with no read or write for
     * this long is closed, whether its request line and headers are unfinished or it is an idle
     * keep-alive connection. Upgraded WebSocket connections are not subject to it (measured: an idle
     * socket stayed open 100 s with the 30 s default).
     */
    static final String HTTP_IDLE_TIMEOUT = HTTP_PREFIX + "timeout-seconds";
    /** {@code Server: Payara Micro 6.2025.10} on every response */
    static final String HTTP_SERVER_HEADER = HTTP_PREFIX + "server-header";
    static final String HTTP_XPOWERED_BY = HTTP_PREFIX + "xpowered-by";
    /** The embedded broker's one user, with every permission on every address; nobody else may connect. */
    static final String EMBEDDED_BROKER_USER = "herald";
    static final String EMBEDDED_BROKER_ROLE = "herald";

    private final Settings settings = Settings.fromSystem();
    private final Path work;
    private EmbeddedActiveMQ broker;
    private PayaraMicroRuntime payara;
    /** The user and password for the broker: from the settings, or generated for the embedded broker. */
    private String brokerUser;
    private String brokerPassword;

    private EmbeddedGateway(Path work) {
        this.work = work;
    }

    /** Boots everything; returns once the application is deployed (the server keeps the JVM alive). */
    public static void run(Path work) {
        EmbeddedGateway gateway = new EmbeddedGateway(work);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::stop, "herald-shutdown"));
        try {
            gateway.start();
        } catch (Exception | LinkageError e) {
            System.err.println("Herald failed to start: " + e);
            System.exit(1);
        }
    }

    private void start() throws Exception {
        BROKER_AUDIT.setLevel(Level.WARNING);
        CONNECTOR_UTIL.setFilter(EmbeddedGateway::notPoolCredentialSetter);
        int httpPort = settings.port(Settings.HTTP_PORT, 8080);
        String httpHost = settings.httpHost();
        int idleTimeout = settings.positive(Settings.HTTP_IDLE_TIMEOUT, Settings.DEFAULT_HTTP_IDLE_TIMEOUT);
        ConnectionCap connectionCap = new ConnectionCap(settings.positive(Settings.HTTP_MAX_CONNECTIONS,
                ConnectionCap.defaultLimit(ProcessLimits.maxFileDescriptors())), System::currentTimeMillis);
        boolean openApi = settings.flag(Settings.OPENAPI_ENABLED, false);
        String brokerUrl = settings.get(Settings.BROKER_URL, null);
        brokerUser = settings.get(Settings.BROKER_USER, null);
        brokerPassword = settings.get(Settings.BROKER_PASSWORD, null);
        BrokerAddresses brokerAddress = brokerUrl == null ? BrokerAddresses.of(startEmbeddedBroker(httpPort)) : BrokerAddresses.parse(brokerUrl);
        String dbUrl = settings.get(Settings.DB_URL, Settings.DEFAULT_DB_URL);

        PayaraMicro micro = PayaraMicro.getInstance();
        micro.setHttpPort(httpPort);
        micro.setRootDir(work.resolve("payara").toFile());
        // Herald shares nothing between nodes but the broker and the database, so Payara's data grid
        // (Hazelcast, which Payara Micro cannot run without) serves it nothing. It used to find and join
        // other Payara instances on the host: now each instance's grid has a name of its own, looks
        // for members on the loopback interface only and listens there only (pre-boot settings below).
        micro.setNoCluster(true);
        System.setProperty("hazelcast.socket.bind.any", "false");
        micro.setPrintLogo(false);
        try (Stream<Path> libs = listFiles("server-lib")) {
            libs.forEach(lib -> micro.addLibrary(lib.toFile()));
        }
        // The HTTP port opens only when every deployment is complete: before that Payara's
        // /health/ready would already be UP (the RAR counts as a deployed application) and the
        // application's paths would answer 404.
        int gridPort = freeLoopbackPort(httpPort);
        LOG.info(() -> "Payara's data grid (Hazelcast) listens on 127.0.0.1:" + gridPort + " and looks for no other member");
        micro.setPreBootHandler(admin -> {
            run(admin, "set", HTTP_LISTENER_ENABLED + "=false");
            run(admin, "set", LISTENER_PREFIX + "address=" + httpHost);
            run(admin, "set", HEADER_LIMIT + "=" + HEADER_LIMIT_BYTES);
            run(admin, "set", HTTP_IDLE_TIMEOUT + "=" + idleTimeout);
            run(admin, "set", HTTP_SERVER_HEADER + "=false");
            run(admin, "set", HTTP_XPOWERED_BY + "=false");
            // Payara's MicroProfile OpenAPI document at /openapi lists every endpoint to anyone
            run(admin, "set-openapi-configuration", "--enabled=" + openApi);
            run(admin, "set", GRID + "cluster-group-name=herald-" + java.util.UUID.randomUUID());
            run(admin, "set", GRID + "discovery-mode=tcpip");
            // its own port only: probing Payara's default range (6900 and up) reached the grids of other
            // instances on the host, and each side logged a warning per probe ("different cluster")
            run(admin, "set", GRID + "start-port=" + gridPort);
            run(admin, "set", GRID + "tcpip-members=127.0.0.1:" + gridPort);
            run(admin, "set", GRID + "interface=127.0.0.1");
        });
        AdminCommandRunner[] adminAfterBoot = new AdminCommandRunner[1];
        micro.setPostBootHandler(admin -> {
            adminAfterBoot[0] = admin;
            configure(admin, brokerAddress, dbUrl);
        });
        trustValidCertificatesOnly();
        micro.addDeploymentFile(work.resolve("deploy/ROOT.war").toFile());
        // the user's own applications, beside Herald on this server (they publish with the API jar)
        List<Path> applications = settings.deployments();
        applications.forEach(war -> micro.addDeploymentFile(war.toFile()));
        BROKER_AUDIT.setLevel(Level.WARNING);
        payara = micro.bootStrap();
        BROKER_AUDIT.setLevel(Level.WARNING);
        // Payara lists an application whose EJB module failed to start as deployed and enabled (and
        // its own /health/ready answers UP with no checks), so the application itself says it started.
        if (!Boolean.getBoolean(STARTED_PROPERTY)) {
            throw new IllegalStateException("the Herald application did not deploy; see the log above");
        }
        java.util.Collection<String> deployed = payara.getDeployedApplicationNames();
        for (Path war : applications) {
            String name = war.getFileName().toString().replaceFirst("\\.war$", "");
            if (!deployed.contains(name)) {
                throw new IllegalStateException("the application " + war + " did not deploy; see the log above");
            }
        }
        run(adminAfterBoot[0], "set", HTTP_LISTENER_ENABLED + "=true");
        // The listener enabled above starts on Payara's configuration thread a moment later; the cap
        // goes on from a thread of its own so that the launcher's thread is not held up.
        Thread capInstaller = new Thread(() -> {
            try {
                GrizzlyConnectionCap.install(payara, HTTP_LISTENER, connectionCap);
                LOG.info(() -> "HTTP connection cap on: at most " + connectionCap.limit() + " open connections (" + Settings.HTTP_MAX_CONNECTIONS + ")");
            } catch (RuntimeException e) {
                LOG.severe(() -> "The HTTP connection cap could not be installed, connections are not capped: " + e.getMessage());
            }
        }, "herald-connection-cap");
        capInstaller.setDaemon(true);
        capInstaller.start();
        System.out.println(banner(httpHost, httpPort, brokerUrl == null ? "embedded (" + brokerAddress + ", login required)" : brokerUrl,
                dbUrl.equals(Settings.DEFAULT_DB_URL) ? "embedded H2 (in memory)" : dbUrl, idleTimeout, connectionCap.limit(), openApi,
                applications));
    }

    /** {@link #CONNECTOR_UTIL}'s filter: false for the missing-setter warnings about the pool's {@code UserName}/{@code Password}. */
    static boolean notPoolCredentialSetter(java.util.logging.LogRecord record) {
        String message = record.getMessage();
        if (!"rardeployment.no_setter_method".equals(message) && !"no.such.method".equals(message)) {
            return true;
        }
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return true;
        }
        String property = String.valueOf(parameters[0]);
        return !property.equalsIgnoreCase("UserName") && !property.equalsIgnoreCase("Password")
                && !property.equalsIgnoreCase("setUserName") && !property.equalsIgnoreCase("setPassword");
    }

    /** Unless the user named a trust store: Payara's CA certificates without the expired ones ({@link TrustStores}). */
    private void trustValidCertificatesOnly() {
        if (System.getProperty(TRUST_STORE) != null) {
            return;
        }
        java.net.URL bundled = EmbeddedGateway.class.getClassLoader().getResource(TrustStores.PAYARA_CACERTS);
        if (bundled == null) {
            return;
        }
        try {
            Path trust = work.resolve("cacerts.p12");
            List<String> removed = TrustStores.withoutExpired(bundled, trust, new java.util.Date());
            System.setProperty(TRUST_STORE, trust.toString());
            LOG.fine(() -> "Trusting Payara's CA certificates without " + removed.size() + " expired: " + removed);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            LOG.info(() -> "Payara's CA certificates are used as they are (" + e + ")");
        }
    }

    /** A free port on 127.0.0.1 other than {@code notThis} (a port that is not bound yet). */
    private static int freeLoopbackPort(int notThis) throws java.io.IOException {
        int port;
        do {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
        } while (port == notThis);
        return port;
    }

    private BrokerAddress startEmbeddedBroker(int httpPort) throws Exception {
        // a free port now may be the HTTP port that is not bound yet (the HTTP listener opens last):
        // the broker would take 127.0.0.1 of it and every request to localhost would reach the broker
        int port = freeLoopbackPort(httpPort);
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("herald-embedded");
        config.setPersistenceEnabled(false);
        // Any local process could connect to the broker on 127.0.0.1: read every tenant's events,
        // publish to herald.ingest, forge herald:control messages. Only Herald's own user, with a
        // password made for this instance (it never leaves the process and its work folder), may.
        brokerUser = EMBEDDED_BROKER_USER;
        brokerPassword = randomSecret();
        config.setSecurityEnabled(true);
        config.putSecurityRoles("#", java.util.Set.of(new Role(EMBEDDED_BROKER_ROLE, true, true, true, true, true, true, true, true, true, true)));
        // the broker's internal cluster user bypasses the roles; its default password is public
        config.setClusterUser("herald-cluster");
        config.setClusterPassword(randomSecret());
        ActiveMQSecurityManagerImpl users = new ActiveMQSecurityManagerImpl();
        users.getConfiguration().setDefaultUser(null);
        users.getConfiguration().addUser(brokerUser, brokerPassword);
        users.getConfiguration().addRole(brokerUser, EMBEDDED_BROKER_ROLE);
        config.setJMXManagementEnabled(false);
        config.setBrokerInstance(work.resolve("broker").toFile());
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        config.addAcceptorConfiguration("herald", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        broker = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(users).start();
        BrokerAddress address = new BrokerAddress("127.0.0.1", port);
        LOG.info(() -> "Embedded Artemis broker listening on 127.0.0.1:" + address.port());
        return address;
    }

    /** 128 random bits as 32 hex digits (no character asadmin or a URL would need escaped). */
    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private void configure(AdminCommandRunner admin, BrokerAddresses brokerAddress, String dbUrl) {
        run(admin, "create-resource-adapter-config", "--property", AsadminValues.properties(AsadminValues.map(
                "ConnectorClassName", brokerAddress.connectorClassNames(),
                "ConnectionParameters", brokerAddress.connectionParameters(),
                "HA", brokerAddress.highlyAvailable() ? "true" : null,
                "UserName", brokerUser,
                "Password", brokerPassword)), RESOURCE_ADAPTER);
        // the RAR first, then the JMS resources on it, then (after this handler) the WAR
        run(admin, "deploy", "--name", RESOURCE_ADAPTER, work.resolve("deploy/" + RESOURCE_ADAPTER + ".rar").toString());
        // The adapter's credentials serve only the inbound (MDB) connections; sends use the pool's
        // default principal, which Payara takes from the pool's UserName and Password properties.
        List<String> pool = new java.util.ArrayList<>(List.of("--raname", RESOURCE_ADAPTER,
                "--connectiondefinition", "org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory",
                "--transactionsupport", "XATransaction"));
        if (brokerUser != null) {
            pool.addAll(List.of("--property", AsadminValues.properties(AsadminValues.map(
                    "UserName", brokerUser, "Password", brokerPassword == null ? "()" : brokerPassword))));
        }
        pool.add(JMS_POOL);
        run(admin, "create-connector-connection-pool", pool.toArray(String[]::new));
        run(admin, "create-connector-resource", "--poolname", JMS_POOL, JMS_CONNECTION_FACTORY);
        run(admin, "create-admin-object", "--raname", RESOURCE_ADAPTER, "--restype", "jakarta.jms.Topic",
                "--property", "Address=" + EVENTS_ADDRESS, JMS_EVENTS_TOPIC);
        String dbUser = settings.get(Settings.DB_USER, null);
        String dataSourceClass = dbUrl.startsWith("jdbc:postgresql:")
                ? "org.postgresql.ds.PGSimpleDataSource" : "org.h2.jdbcx.JdbcDataSource";
        run(admin, "create-jdbc-connection-pool",
                "--datasourceclassname", dataSourceClass,
                "--restype", "javax.sql.DataSource",
                "--steadypoolsize", "2",
                "--maxpoolsize", "32",
                // a request waits at most this long for a connection while the database is away, then
                // answers 503 (DatabaseUnavailable) instead of committing much later, after its client gave up
                "--maxwait", String.valueOf(DB_MAX_WAIT_MS),
                "--isconnectvalidatereq", "true",
                "--validationmethod", "meta-data",
                "--property", AsadminValues.properties(AsadminValues.map(
                        "URL", dbUrl,
                        "user", dbUser,
                        // asadmin's spelling of an empty password is ()
                        "password", dbUser == null ? null : settings.get(Settings.DB_PASSWORD, "()"))),
                JDBC_POOL);
        run(admin, "create-jdbc-resource", "--connectionpoolid", JDBC_POOL, JDBC_RESOURCE);
        // the embedded broker's per-session audit lines drown everything else
        run(admin, "set-log-levels", "org.apache.activemq.audit=WARNING");
    }

    private static void run(AdminCommandRunner admin, String command, String... args) {
        ClusterCommandResult result = admin.run(command, args);
        if (result.getExitStatus() == ClusterCommandResult.ExitStatus.FAILURE) {
            throw new IllegalStateException(command + " failed: " + result.getOutput(), result.getFailureCause());
        }
    }

    private Stream<Path> listFiles(String folder) throws IOException {
        Path dir = work.resolve(folder);
        return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
    }

    /**
     * Runs as a shutdown hook next to Payara Micro's own hook: waits for Payara to stop (its
     * resource adapter must close its broker connections first, or it would retry for ever),
     * then stops the embedded broker and deletes the work folder.
     */
    private void stop() {
        // The JVM starts all shutdown hooks at once: Payara's may not have started yet. Deleting the
        // work folder (which holds Payara's jars) under a still running Payara hook made it fail with
        // NoClassDefFoundError, and stopping Payara from here as well raced its own hook.
        Thread payaraHook = awaitThread("Payara Micro Shutdown Hook", TimeUnit.SECONDS.toMillis(3));
        try {
            if (payaraHook != null) {
                payaraHook.join(TimeUnit.SECONDS.toMillis(60));
            } else if (payara != null) {
                payara.shutdown();
            }
        } catch (IllegalStateException e) {
            // "Payara Micro is not Running": its own hook got there first and is done
        } catch (BootstrapException | RuntimeException e) {
            System.err.println("Payara Micro did not stop cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (broker != null) {
            try {
                broker.stop();
            } catch (Exception e) {
                System.err.println("The embedded broker did not stop cleanly: " + e);
            }
        }
        deleteWorkFolder();
    }

    private static Thread awaitThread(String name, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        do {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(name)) {
                    return t;
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        } while (System.currentTimeMillis() < deadline);
        return null;
    }

    /**
     * Deletes the work folder. Payara may still write into it while it winds down (after a failed
     * deployment it re-creates the application's folder), so a folder that reappears is deleted again.
     */
    private void deleteWorkFolder() {
        IOException last = null;
        for (int attempt = 0; attempt < 5 && Files.exists(work); attempt++) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                last = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            }
            if (Files.exists(work)) {
                try {
                    TimeUnit.MILLISECONDS.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (Files.exists(work)) {
            System.err.println("Could not delete the work folder " + work + (last == null ? "" : ": " + last));
        }
    }

    private String banner(String host, int port, String broker, String database, int idleTimeout, int maxConnections, boolean openApi,
            List<Path> applications) {
        String jar = "java -jar " + launcherJar();
        String jwt = switch (DemoJwt.inUse()) {
            case DEMO -> "  JWT:       DEMO key (issuer " + DemoJwt.ISSUER + "); a token for user alice: " + jar + " token alice"
                    + "  (an admin: token admin --groups admin)";
            case CONFIGURED -> "  JWT:       key from " + settings.get(DemoJwt.PUBLIC_KEY_LOCATION, DemoJwt.PUBLIC_KEY);
            case NONE -> "  JWT:       NO KEY: demo mode is off and no key is configured (mp.jwt.verify.publickey.location), so EVERY token is refused";
        };
        boolean everyInterface = host.equals("0.0.0.0") || host.equals("::");
        String http = "http://" + (everyInterface ? "localhost" : host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
        String ws = "ws" + http.substring(4);
        boolean demoSignIn = settings.demoMode() && settings.get(ADMIN_PASSWORD_HASH, "").isBlank();
        List<String> lines = new java.util.ArrayList<>(List.of(
                "",
                "Herald is ready on " + http + "  (readiness: " + http + "health/ready)",
                "  listening: " + (everyInterface ? "every interface" : host + " only") + " (" + Settings.HTTP_HOST + " / --host)"
                        + (settings.demoMode() ? "; demo mode is on (" + Settings.DEMO_ENABLED + ")" : ""),
                "  limits:    idle connections closed after " + idleTimeout + " s, at most " + maxConnections + " open connections"
                        + (openApi ? ", /openapi on" : ""),
                "  memory:    " + ProcessLimits.heapAdvice(),
                "  broker:    " + broker,
                "  database:  " + database,
                "  sockets:"));
        for (ListenProduct product : ListenProduct.values()) {
            lines.add(String.format("    %-10s %s%s%s", product.wireName(), ws, product.path().substring(1), signIn(product, http)));
        }
        lines.addAll(List.of(
                jwt,
                "  watch:     " + jar + " listen " + ListenProduct.COMMERCE.wireName() + (port == 8080 ? "" : " --url " + http.substring(0, http.length() - 1))
                        + "   (or another product; --help for options)",
                "  admin:     " + http + "admin/" + (demoSignIn
                        ? "  WARNING: demo sign-in admin/admin; set herald.admin.password-hash (" + jar + " hash-password) for real use"
                        : ""),
                "  metrics:   " + http + "metrics   health: " + http + "health/ready, " + http + "health/live",
                "  AsyncAPI:  " + http + "asyncapi   (all of this: " + http + ")"));
        for (Path war : applications) {
            lines.add("  app:       " + http + war.getFileName().toString().replaceFirst("\\.war$", "") + "/");
        }
        lines.addAll(List.of("Stop with Ctrl-C.", ""));
        return String.join(System.lineSeparator(), lines);
    }

    /** How a client of {@code product} signs in, as the banner writes it after the socket's URL (demo credentials in demo mode). */
    private String signIn(ListenProduct product, String http) {
        boolean demo = settings.demoMode();
        return switch (product) {
            case COMMERCE -> "  (session cookie: POST " + http + ListenProduct.LOGIN_PATH.substring(1) + (demo
                    ? " {\"email\":\"" + ListenProduct.Demo.EMAIL + "\",\"password\":\"" + ListenProduct.Demo.PASSWORD + "\"}" : "") + ")";
            case INVENTORY -> "?access_token=<JWT>";
            case ORDERS -> "  (first message {\"type\":\"connect\",\"data\":{\"api_key\":\"" + (demo
                    ? ListenProduct.Demo.API_KEY + "\"}}; REST: X-API-Key: " + ListenProduct.Demo.API_KEY + ", signing secret "
                            + ListenProduct.Demo.SECRET + "; also ak_demo_globex / sk_demo_globex)"
                    : "<api key>\"}})");
            case POS -> "?access_token=<JWT>  (or Authorization: Bearer <JWT>)";
            case TRADING -> "  (Authorization: Bearer <JWT>, or a first message {\"type\":\"auth\",\"token\":\"<JWT>\"})";
        };
    }

    /** This launcher's jar as the user can type it from where they are: relative when under the working folder. */
    static String launcherJar() {
        try {
            Path jar = Path.of(EmbeddedGateway.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path here = Path.of("").toAbsolutePath();
            return jar.startsWith(here) ? here.relativize(jar).toString() : jar.toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "herald.jar";
        }
    }
}
