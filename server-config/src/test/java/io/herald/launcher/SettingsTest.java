package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(Settings.HTTP_PORT);
        System.clearProperty(Settings.BROKER_URL);
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        System.setProperty(Settings.BROKER_URL, "tcp://from-property:61616");
        Settings cut = new Settings(Map.of("HERALD_BROKER_URL", "tcp://from-env:61616"));

        assertEquals("tcp://from-property:61616", cut.get(Settings.BROKER_URL, "fallback"));
    }

    @Test
    void theEnvironmentWinsOverTheFallback() {
        Settings cut = new Settings(Map.of("HERALD_BROKER_URL", "tcp://from-env:61616"));

        assertEquals("tcp://from-env:61616", cut.get(Settings.BROKER_URL, "fallback"));
    }

    @Test
    void theFallbackIsUsedWhenNothingIsSet() {
        Settings cut = new Settings(Map.of());

        assertEquals(Settings.DEFAULT_DB_URL, cut.get(Settings.DB_URL, Settings.DEFAULT_DB_URL));
        assertNull(cut.get(Settings.BROKER_URL, null));
    }

    @Test
    void aBlankPropertyCountsAsUnset() {
        System.setProperty(Settings.BROKER_URL, "   ");
        Settings cut = new Settings(Map.of("HERALD_BROKER_URL", "tcp://from-env:61616"));

        assertEquals("tcp://from-env:61616", cut.get(Settings.BROKER_URL, "fallback"));
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        Settings cut = new Settings(Map.of("HERALD_BROKER_URL", " "));

        assertEquals("fallback", cut.get(Settings.BROKER_URL, "fallback"));
        assertNull(cut.get(Settings.BROKER_URL, null));
    }

    @Test
    void valuesAreTrimmed() {
        System.setProperty(Settings.HTTP_PORT, " 8081 ");
        Settings cut = new Settings(Map.of("HERALD_BROKER_URL", "  tcp://h:1\t"));

        assertEquals("8081", cut.get(Settings.HTTP_PORT, null));
        assertEquals("tcp://h:1", cut.get(Settings.BROKER_URL, null));
        assertEquals(8081, cut.port(Settings.HTTP_PORT, 8080));
    }

    @Test
    void onlyTheMappedVariableNameCounts() {
        Settings cut = new Settings(Map.of("herald.broker.url", "tcp://dotted:1", "HERALD_BROKER", "tcp://other:1"));

        assertNull(cut.get(Settings.BROKER_URL, null));
    }

    @Test
    void portFromPropertyEnvironmentOrFallback() {
        assertEquals(8080, new Settings(Map.of()).port(Settings.HTTP_PORT, 8080));
        assertEquals(9000, new Settings(Map.of("HERALD_HTTP_PORT", "9000")).port(Settings.HTTP_PORT, 8080));

        System.setProperty(Settings.HTTP_PORT, "8081");
        assertEquals(8081, new Settings(Map.of("HERALD_HTTP_PORT", "9000")).port(Settings.HTTP_PORT, 8080));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "65535"})
    void portBoundsAreAccepted(String port) {
        assertEquals(Integer.parseInt(port), new Settings(Map.of("HERALD_HTTP_PORT", port)).port(Settings.HTTP_PORT, 8080));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "http", "80.5", "8080x", "99999999999"})
    void anythingElseIsNotAPort(String port) {
        Settings cut = new Settings(Map.of("HERALD_HTTP_PORT", port));

        var e = assertThrows(IllegalArgumentException.class, () -> cut.port(Settings.HTTP_PORT, 8080));
        assertEquals("herald.http.port must be a port number from 1 to 65535, got: " + port, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "herald.http.port, HERALD_HTTP_PORT",
        "herald.broker.url, HERALD_BROKER_URL",
        "herald.outbox.repair-after-ms, HERALD_OUTBOX_REPAIR_AFTER_MS",
        "herald.session.queue-limit, HERALD_SESSION_QUEUE_LIMIT",
        "a/b c, A_B_C",
        "HERALD_DB_URL, HERALD_DB_URL"
    })
    void environmentNamesFollowMicroProfileConfig(String key, String variable) {
        assertEquals(variable, Settings.environmentName(key));
    }

    @Test
    void deploymentsAreExistingWarFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path war = java.nio.file.Files.createFile(dir.resolve("shop.war"));
        java.nio.file.Path jar = java.nio.file.Files.createFile(dir.resolve("shop.jar"));
        assertEquals(java.util.List.of(), new Settings(Map.of()).deployments());
        assertEquals(java.util.List.of(war), new Settings(Map.of("HERALD_DEPLOY", " " + war + " ,")).deployments());
        var notWar = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Settings(Map.of("HERALD_DEPLOY", jar.toString())).deployments());
        assertEquals("herald.deploy: not a .war file: " + jar, notWar.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Settings(Map.of("HERALD_DEPLOY", dir.resolve("missing.war").toString())).deployments());
    }

    @Test
    void demoModeIsReadAsTheApplicationReadsIt() {
        assertTrue(new Settings(Map.of()).demoMode());
        for (String on : java.util.List.of("true", "TRUE", "1", "yes", "on", "Y")) {
            assertTrue(new Settings(Map.of("HERALD_DEMO_ENABLED", on)).demoMode(), on);
        }
        for (String off : java.util.List.of("false", "0", "no", "off", "disabled")) {
            assertFalse(new Settings(Map.of("HERALD_DEMO_ENABLED", off)).demoMode(), off);
        }
    }

    @Test
    void theDemoListensOnLoopbackOnlyUnlessTold() {
        assertEquals("127.0.0.1", new Settings(Map.of()).httpHost());
        assertEquals("0.0.0.0", new Settings(Map.of("HERALD_DEMO_ENABLED", "false")).httpHost());
        assertEquals("0.0.0.0", new Settings(Map.of("HERALD_HTTP_HOST", "0.0.0.0")).httpHost());
        assertEquals("127.0.0.1", new Settings(Map.of("HERALD_DEMO_ENABLED", "false", "HERALD_HTTP_HOST", "127.0.0.1")).httpHost());
    }

    @Test
    void positiveNumbers() {
        assertEquals(15, new Settings(Map.of()).positive(Settings.HTTP_IDLE_TIMEOUT, 15));
        assertEquals(5, new Settings(Map.of("HERALD_HTTP_IDLE_TIMEOUT_SECONDS", "5")).positive(Settings.HTTP_IDLE_TIMEOUT, 15));
        assertThrows(IllegalArgumentException.class, () -> new Settings(Map.of("HERALD_HTTP_IDLE_TIMEOUT_SECONDS", "0")).positive(Settings.HTTP_IDLE_TIMEOUT, 15));
        assertThrows(IllegalArgumentException.class, () -> new Settings(Map.of("HERALD_HTTP_MAX_CONNECTIONS", "many")).positive(Settings.HTTP_MAX_CONNECTIONS, 15));
    }
}
