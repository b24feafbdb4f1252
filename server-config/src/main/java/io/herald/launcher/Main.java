package io.herald.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * {@code java -jar herald.jar [--port N]}: starts the whole gateway with the embedded default
 * and stays in the foreground until stopped (Ctrl-C / SIGTERM).
 */
public final class Main {

    static final String BUNDLE = "herald-bundle/";
    private static final String BOOT_CLASS = "io.herald.launcher.boot.EmbeddedGateway";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(DemoJwt.printToken(List.of(args).subList(1, args.length), Settings.fromSystem(), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("listen")) {
            System.exit(Listen.run(List.of(args).subList(1, args.length), Settings.fromSystem(), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("hash-password")) {
            System.exit(PasswordHashes.print(List.of(args).subList(1, args.length), System.out, System.err));
        }
        if (!applyArguments(args, System.out)) {
            return;
        }
        Path self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(self)) {
            System.err.println("Run the packaged launcher: java -jar server-config/target/herald.jar");
            System.exit(2);
        }
        int stale = WorkFolders.deleteStale(Path.of(System.getProperty("java.io.tmpdir")));
        if (stale > 0) {
            System.out.println("Deleted " + stale + " work folder(s) left behind by killed launchers");
        }
        Path work = WorkFolders.create();
        DemoJwt.configure(Settings.fromSystem(), work);
        List<URL> classPath = new ArrayList<>();
        classPath.add(self.toUri().toURL());
        try (JarFile jar = new JarFile(self.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(BUNDLE)) {
                    continue;
                }
                Path target = work.resolve(entry.getName().substring(BUNDLE.length())).normalize();
                if (!target.startsWith(work)) {
                    throw new IOException("Bad bundle entry " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().startsWith(BUNDLE + "lib/")) {
                    classPath.add(target.toUri().toURL());
                }
            }
        }
        URLClassLoader loader = new URLClassLoader("herald", classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass(BOOT_CLASS).getMethod("run", Path.class).invoke(null, work);
        } catch (InvocationTargetException e) {
            System.err.println("Herald failed to start: " + e.getCause());
            System.exit(1);
        }
    }

    /**
     * Applies {@code --port N} (as the system property {@value Settings#HTTP_PORT}), {@code --host A} (as {@value Settings#HTTP_HOST}),
     * {@code --deploy F} (added to {@value Settings#DEPLOY}) and
     * {@code --help}. @return {@code false} when the launcher should exit without starting
     */
    static boolean applyArguments(String[] args, PrintStream out) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--port needs a number");
                    }
                    System.setProperty(Settings.HTTP_PORT, args[++i]);
                }
                case "--host" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--host needs an address, e.g. 0.0.0.0");
                    }
                    System.setProperty(Settings.HTTP_HOST, args[++i]);
                }
                case "--deploy" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--deploy needs a .war file");
                    }
                    String before = System.getProperty(Settings.DEPLOY, "");
                    System.setProperty(Settings.DEPLOY, before.isBlank() ? args[++i] : before + "," + args[++i]);
                }
                case "--help", "-h" -> {
                    out.println("""
                            Usage: java -jar herald.jar [--port N] [--host ADDRESS] [--deploy app.war]...
                                   java -jar herald.jar token <user-id> [--groups g1,g2] [--locations l1,l2|*] [--ttl seconds]
                                   java -jar herald.jar hash-password
                                   java -jar herald.jar listen <product> [--url URL] [options] [channel-or-room ...]
                              --port N   HTTP port (default 8080; also herald.http.port / HERALD_HTTP_PORT)
                              --host A   address to listen on (also herald.http.host / HERALD_HTTP_HOST; default 127.0.0.1 in demo mode,
                                         0.0.0.0 otherwise)
                              --deploy F also deploy the web application F at /<its name> (also herald.deploy / HERALD_DEPLOY, comma-separated)
                              token      prints a JWT signed with the public demo key (accepted only in demo mode without a configured key)
                              hash-password  prints a hash of a password (asked, or read from standard input) for herald.admin.password-hash
                              listen     watches a running Herald: connects to one product's socket as a demo client, subscribes,
                                         prints each frame received as one line of JSON (news on stderr) until Ctrl-C:
                            %s
                            Configuration (system property or environment variable):
                              herald.demo.enabled HERALD_DEMO_ENABLED demo mode: demo data, admin/admin, demo JWT key, 127.0.0.1 (default true)
                              herald.broker.url   HERALD_BROKER_URL   external Artemis, tcp://host:61616 (default: embedded, login required)
                              herald.db.url       HERALD_DB_URL       JDBC URL (default: embedded H2 in memory)
                              herald.db.user / herald.db.password, herald.broker.user / herald.broker.password
                              mp.jwt.verify.publickey.location  MP_JWT_VERIFY_PUBLICKEY_LOCATION  JWT verification key (default: demo key in
                                                                demo mode; with demo mode off and no key every token is refused)
                              mp.jwt.verify.issuer              MP_JWT_VERIFY_ISSUER              required iss (demo: herald-demo)
                              herald.admin.password-hash        HERALD_ADMIN_PASSWORD_HASH        the admin page's password (demo: admin/admin)
                              herald.http.idle-timeout-seconds  HERALD_HTTP_IDLE_TIMEOUT_SECONDS  close connections silent this long, unfinished
                                                                requests included (default 15; WebSockets are not affected)
                              herald.http.max-connections       HERALD_HTTP_MAX_CONNECTIONS       open connections at most, WebSockets included
                                                                (default: three quarters of the open files limit)
                              herald.openapi.enabled            HERALD_OPENAPI_ENABLED            Payara's /openapi document (default false)
                            Memory: the JVM's default max heap is a quarter of RAM; set it, e.g. java -Xmx1g -jar herald.jar.
                            Every key: docs/configuration.md.""".formatted(Listen.options("               ")));
                    return false;
                }
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i] + " (try --help)");
            }
        }
        return true;
    }
}
