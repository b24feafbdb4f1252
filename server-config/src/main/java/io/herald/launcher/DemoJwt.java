package io.herald.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded default's demo JWT key pair (in {@code demo-jwt/} of herald.jar). In demo mode
 * ({@code herald.demo.enabled}, default true) with no verification key configured, the launcher
 * points {@code mp.jwt.verify.publickey.location} at the demo public key and sets the issuer
 * {@value #ISSUER}; {@code java -jar herald.jar token} signs tokens with the demo private key
 * (which is public: it is in herald.jar). A configured key always wins. With demo mode off and no
 * key configured no key is set at all, and the application refuses every token.
 */
public final class DemoJwt {

    public static final String ISSUER = "herald-demo";
    /** The {@link KeyChoice} the launcher made (the banner says which). */
    public static final String IN_USE = "herald.launcher.jwt-key";
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER_KEY = "mp.jwt.verify.issuer";
    private static final String KEY_ID = "herald-demo";

    private DemoJwt() {
    }

    /** True when neither {@code mp.jwt.verify.publickey} nor {@code mp.jwt.verify.publickey.location} is configured. */
    static boolean noKeyConfigured(Settings settings) {
        return settings.get(PUBLIC_KEY, null) == null && settings.get(PUBLIC_KEY_LOCATION, null) == null;
    }

    /** What the server verifies tokens with. */
    public enum KeyChoice {
        /** the key the operator configured */
        CONFIGURED,
        /** the demo key from herald.jar: demo mode on and no key configured */
        DEMO,
        /** nothing: demo mode off and no key configured, so every token is refused */
        NONE;

        static KeyChoice of(Settings settings) {
            return !noKeyConfigured(settings) ? CONFIGURED : settings.demoMode() ? DEMO : NONE;
        }
    }

    /**
     * Uses the demo key when {@link KeyChoice#of} says so, and records the choice in
     * {@value #IN_USE} for the banner. @return the choice
     */
    static KeyChoice configure(Settings settings, Path work) throws IOException {
        KeyChoice choice = KeyChoice.of(settings);
        System.setProperty(IN_USE, choice.name());
        if (choice != KeyChoice.DEMO) {
            return choice;
        }
        Path key = work.resolve("demo-jwt-public.pem");
        try (InputStream in = resource("public.pem")) {
            Files.copy(in, key);
        }
        System.setProperty(PUBLIC_KEY_LOCATION, key.toAbsolutePath().toString());
        if (settings.get(ISSUER_KEY, null) == null) {
            System.setProperty(ISSUER_KEY, ISSUER);
        }
        return choice;
    }

    /** The choice {@link #configure} made in this JVM. */
    public static KeyChoice inUse() {
        return KeyChoice.valueOf(System.getProperty(IN_USE, KeyChoice.CONFIGURED.name()));
    }

    /**
     * {@code token <sub> [--groups a,b] [--locations l1,l2] [--ttl seconds]}: prints a demo token for {@code sub}.
     * @return the process exit code
     */
    static int printToken(List<String> args, Settings settings, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            err.println("Usage: java -jar herald.jar token <user-id> [--groups g1,g2] [--locations l1,l2|*] [--ttl seconds]");
            return 2;
        }
        String subject = args.get(0);
        List<String> groups = List.of();
        List<String> locations = null;
        long ttl = 3600;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                err.println(option + " needs a value");
                return 2;
            }
            String value = args.get(++i);
            switch (option) {
                case "--groups" -> groups = value.isBlank() ? List.of() : List.of(value.split(","));
                case "--locations" -> locations = value.isBlank() ? List.of() : List.of(value.split(","));
                case "--ttl" -> {
                    try {
                        ttl = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        err.println("--ttl must be a number of seconds");
                        return 2;
                    }
                }
                default -> {
                    err.println("Unknown option: " + option);
                    return 2;
                }
            }
        }
        switch (KeyChoice.of(settings)) {
            case CONFIGURED -> err.println("Note: a verification key is configured here, so a server started with this configuration refuses demo tokens.");
            case NONE -> err.println("Note: demo mode is off here (" + Settings.DEMO_ENABLED + "=false) and no key is configured:"
                    + " a server started with this configuration refuses every token, this one included.");
            case DEMO -> err.println("Note: signed with the public demo key: only a server in demo mode (" + Settings.DEMO_ENABLED
                    + ", default true) without a configured key accepts it.");
        }
        try {
            out.println(sign(subject, groups, locations, Instant.now(), ttl));
            return 0;
        } catch (IOException | GeneralSecurityException e) {
            err.println("Could not sign the token: " + e);
            return 1;
        }
    }

    static String sign(String subject, List<String> groups, Instant now, long ttlSeconds) throws IOException, GeneralSecurityException {
        return sign(subject, groups, null, now, ttlSeconds);
    }

    /** @param locations the point-of-sale {@code locations} claim, or {@code null} for none */
    static String sign(String subject, List<String> groups, List<String> locations, Instant now, long ttlSeconds)
            throws IOException, GeneralSecurityException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", KEY_ID);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", groups);
        if (locations != null) {
            claims.put("locations", locations);
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + ttlSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(MiniJson.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(MiniJson.write(claims).getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    private static PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem;
        try (InputStream in = resource("private.pem")) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoJwt.class.getResourceAsStream("/demo-jwt/" + name);
        if (in == null) {
            throw new IOException("demo-jwt/" + name + " is missing from herald.jar");
        }
        return in;
    }
}
