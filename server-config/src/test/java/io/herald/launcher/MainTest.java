package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void clearProperties() {
        System.clearProperty(Settings.HTTP_PORT);
        System.clearProperty(Settings.DEPLOY);
        System.clearProperty(Settings.HTTP_HOST);
    }

    @Test
    void hostSetsTheListenAddress() {
        assertTrue(Main.applyArguments(new String[] {"--host", "0.0.0.0"}, out));

        assertEquals("0.0.0.0", new Settings(Map.of("HERALD_HTTP_HOST", "10.0.0.1")).httpHost(), "the option wins over the environment");
        assertThrows(IllegalArgumentException.class, () -> Main.applyArguments(new String[] {"--host"}, out));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsStartWithTheDefaults() {
        assertTrue(Main.applyArguments(new String[0], out));

        assertNull(System.getProperty(Settings.HTTP_PORT));
        assertEquals("", printed());
    }

    @Test
    void portSetsTheHttpPortProperty() {
        assertTrue(Main.applyArguments(new String[] {"--port", "8081"}, out));

        assertEquals("8081", System.getProperty(Settings.HTTP_PORT));
        assertEquals(8081, new Settings(Map.of("HERALD_HTTP_PORT", "9000")).port(Settings.HTTP_PORT, 8080));
        assertEquals("", printed());
    }

    @Test
    void theLastPortWins() {
        assertTrue(Main.applyArguments(new String[] {"--port", "8081", "--port", "8082"}, out));

        assertEquals("8082", System.getProperty(Settings.HTTP_PORT));
    }

    @Test
    void aBadPortIsReportedWhenTheSettingIsRead() {
        Main.applyArguments(new String[] {"--port", "eighty"}, out);

        var e = assertThrows(IllegalArgumentException.class, () -> new Settings(Map.of()).port(Settings.HTTP_PORT, 8080));
        assertEquals("herald.http.port must be a port number from 1 to 65535, got: eighty", e.getMessage());
    }

    @Test
    void portNeedsAValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Main.applyArguments(new String[] {"--port"}, out));

        assertEquals("--port needs a number", e.getMessage());
        assertNull(System.getProperty(Settings.HTTP_PORT));
    }

    @Test
    void everyDeployAddsAnApplication() {
        assertTrue(Main.applyArguments(new String[] {"--deploy", "shop.war", "--port", "9090", "--deploy", "/tmp/crm.war"}, out));

        assertEquals("shop.war,/tmp/crm.war", System.getProperty(Settings.DEPLOY));
        var e = assertThrows(IllegalArgumentException.class, () -> Main.applyArguments(new String[] {"--deploy"}, out));
        assertEquals("--deploy needs a .war file", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpPrintsUsageAndDoesNotStart(String flag) {
        assertFalse(Main.applyArguments(new String[] {flag}, out));

        String usage = printed();
        assertTrue(usage.startsWith("Usage: java -jar herald.jar [--port N] [--host ADDRESS] [--deploy app.war]...\n"), usage);
        assertTrue(usage.contains("--host A   address to listen on"), usage);
        assertTrue(usage.contains("herald.http.idle-timeout-seconds"), usage);
        assertTrue(usage.contains("herald.http.max-connections"), usage);
        assertTrue(usage.contains("--deploy F also deploy the web application F"), usage);
        assertTrue(usage.contains("--port N   HTTP port (default 8080; also herald.http.port / HERALD_HTTP_PORT)"), usage);
        assertTrue(usage.contains("herald.broker.url   HERALD_BROKER_URL"), usage);
        assertTrue(usage.contains("herald.db.url       HERALD_DB_URL"), usage);
        assertTrue(usage.contains("Every key: docs/configuration.md."), usage);
        assertTrue(usage.contains("java -jar herald.jar listen <product> [--url URL] [options] [channel-or-room ...]\n"), usage);
        for (String product : new String[] {"commerce  [--email EMAIL] [--password PASSWORD] [channel ...]", "inventory [--user USER] [--token JWT]\n",
                "orders    [--api-key KEY] [--secret SECRET] [order-id ...]", "pos       [--user USER] [--token JWT] [--locations l1,l2] [channel ...]",
                "trading   [--user USER] [--token JWT] [room ...]", "--url URL  Herald's base URL"}) {
            assertTrue(usage.contains(product), product + " in " + usage);
        }
    }

    @Test
    void helpStopsBeforeLaterArguments() {
        assertFalse(Main.applyArguments(new String[] {"--help", "--port", "8081", "--bogus"}, out));

        assertNull(System.getProperty(Settings.HTTP_PORT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "8081", "--PORT", "-p", "--port=8081", ""})
    void unknownArgumentsAreRejected(String argument) {
        var e = assertThrows(IllegalArgumentException.class, () -> Main.applyArguments(new String[] {argument}, out));

        assertEquals("Unknown argument: " + argument + " (try --help)", e.getMessage());
        assertEquals("", printed());
    }

    @Test
    void anUnknownArgumentAfterAPortIsStillRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Main.applyArguments(new String[] {"--port", "8081", "--verbose"}, out));

        assertEquals("Unknown argument: --verbose (try --help)", e.getMessage());
    }
}
