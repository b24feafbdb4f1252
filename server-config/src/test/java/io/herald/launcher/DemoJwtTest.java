package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.herald.launcher.DemoJwt.KeyChoice;

class DemoJwtTest {

    @AfterEach
    void clearProperties() {
        for (String key : List.of(DemoJwt.PUBLIC_KEY, DemoJwt.PUBLIC_KEY_LOCATION, DemoJwt.ISSUER_KEY, DemoJwt.IN_USE)) {
            System.clearProperty(key);
        }
    }

    private static PublicKey demoPublicKey() throws Exception {
        try (InputStream in = DemoJwt.class.getResourceAsStream("/demo-jwt/public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    private static String part(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    @Test
    void aDemoTokenIsSignedByTheDemoKeyAndCarriesTheClaims() throws Exception {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String token = DemoJwt.sign("alice", List.of("admin", "staff"), now, 600);
        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(demoPublicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"herald-demo\"}", part(token, 0));
        String claims = part(token, 1);
        assertTrue(claims.startsWith("{\"iss\":\"herald-demo\",\"sub\":\"alice\",\"upn\":\"alice\",\"groups\":[\"admin\",\"staff\"],"
                + "\"iat\":1800000000,\"exp\":1800000600,\"jti\":\""), claims);
    }

    @Test
    void aPointOfSaleTokenCarriesItsLocations() throws Exception {
        String token = DemoJwt.sign("user-sarah", List.of("orders.read"), List.of("loc-xyz789", "loc-abc456"), Instant.ofEpochSecond(1_800_000_000L), 600);
        assertTrue(part(token, 1).contains("\"groups\":[\"orders.read\"],\"locations\":[\"loc-xyz789\",\"loc-abc456\"],"), part(token, 1));
    }

    @Test
    void theDemoKeyIsUsedOnlyInDemoModeWhenNoKeyIsConfigured(@TempDir Path work) throws Exception {
        assertEquals(KeyChoice.CONFIGURED, DemoJwt.configure(new Settings(Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/etc/idp.pem")), work));
        assertEquals(null, System.getProperty(DemoJwt.PUBLIC_KEY_LOCATION));
        assertEquals(KeyChoice.CONFIGURED, DemoJwt.configure(new Settings(Map.of("MP_JWT_VERIFY_PUBLICKEY", "{\"kty\":\"RSA\"}")), work));
        assertEquals(KeyChoice.CONFIGURED, DemoJwt.inUse());

        assertEquals(KeyChoice.DEMO, DemoJwt.configure(new Settings(Map.of()), work));
        Path key = Path.of(System.getProperty(DemoJwt.PUBLIC_KEY_LOCATION));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(DemoJwt.ISSUER, System.getProperty(DemoJwt.ISSUER_KEY));
        assertEquals(KeyChoice.DEMO, DemoJwt.inUse());
    }

    @Test
    void withDemoModeOffAndNoKeyNoKeyIsSet(@TempDir Path work) throws Exception {
        for (String off : List.of("false", "FALSE", "no", "0", "off")) {
            assertEquals(KeyChoice.NONE, DemoJwt.configure(new Settings(Map.of("HERALD_DEMO_ENABLED", off)), work), off);
            assertEquals(null, System.getProperty(DemoJwt.PUBLIC_KEY_LOCATION));
            assertEquals(null, System.getProperty(DemoJwt.ISSUER_KEY));
            assertEquals(KeyChoice.NONE, DemoJwt.inUse());
        }
        System.setProperty(Settings.DEMO_ENABLED, "false");
        try {
            assertEquals(KeyChoice.NONE, DemoJwt.configure(new Settings(Map.of("HERALD_DEMO_ENABLED", "true")), work), "the property wins");
        } finally {
            System.clearProperty(Settings.DEMO_ENABLED);
        }
        assertEquals(KeyChoice.CONFIGURED, DemoJwt.configure(new Settings(Map.of("HERALD_DEMO_ENABLED", "false",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/etc/idp.pem")), work));
    }

    @Test
    void aConfiguredIssuerIsKeptWithTheDemoKey(@TempDir Path work) throws Exception {
        assertEquals(KeyChoice.DEMO, DemoJwt.configure(new Settings(Map.of("MP_JWT_VERIFY_ISSUER", "https://mine")), work));
        assertEquals(null, System.getProperty(DemoJwt.ISSUER_KEY), "the environment's issuer applies");
    }

    @Test
    void theTokenCommandSaysWhichServersAcceptTheToken() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        assertEquals(0, DemoJwt.printToken(List.of("mallory", "--groups", "admin"), new Settings(Map.of()), out, new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("only a server in demo mode"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(0, DemoJwt.printToken(List.of("mallory"), new Settings(Map.of("HERALD_DEMO_ENABLED", "false")), out, new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("refuses every token"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(0, DemoJwt.printToken(List.of("mallory"), new Settings(Map.of("MP_JWT_VERIFY_PUBLICKEY", "k")), out, new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("refuses demo tokens"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theTokenCommandPrintsATokenOrItsUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Settings none = new Settings(Map.of());
        assertEquals(0, DemoJwt.printToken(List.of("bob", "--groups", "admin", "--ttl", "60"), none, new PrintStream(out), new PrintStream(err)));
        String token = out.toString(StandardCharsets.UTF_8).strip();
        assertEquals(3, token.split("\\.").length);
        assertTrue(part(token, 1).contains("\"sub\":\"bob\",\"upn\":\"bob\",\"groups\":[\"admin\"]"), part(token, 1));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Note: signed with the public demo key"), "the token alone on standard output");
        err.reset();

        assertEquals(2, DemoJwt.printToken(List.of(), none, new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Usage: java -jar herald.jar token"));
        assertEquals(2, DemoJwt.printToken(List.of("bob", "--ttl", "soon"), none, new PrintStream(out), new PrintStream(err)));
        assertEquals(2, DemoJwt.printToken(List.of("bob", "--colour", "red"), none, new PrintStream(out), new PrintStream(err)));
    }
}
