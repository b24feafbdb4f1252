package io.herald.auth.control;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;

/**
 * Reads verification keys in the forms MicroProfile JWT accepts: a PEM public key (X.509
 * {@code PUBLIC KEY}, or PKCS#1 {@code RSA PUBLIC KEY}) or certificate, a JWK, a JWK set, or
 * any of these Base64-encoded; from the configuration value
 * itself or from a location (a file path, a {@code file:}, {@code http(s):} or {@code jar:} URL,
 * or a class-path resource).
 */
public final class PublicKeys {

    private static final int MAX_KEY_BYTES = 1 << 20;

    private PublicKeys() {
    }

    /** The keys in {@code text}. @throws IllegalArgumentException when it holds no usable key */
    public static List<JWK> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the key is empty");
        }
        try {
            if (trimmed.startsWith("{")) {
                return parseJson(trimmed);
            }
            if (trimmed.contains("-----BEGIN CERTIFICATE-----")) {
                return List.of(toJwk(CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.US_ASCII))).getPublicKey()));
            }
            if (trimmed.contains("-----BEGIN RSA PUBLIC KEY-----")) {
                return List.of(toJwk(pkcs1(decodeBase64(trimmed.replaceAll("-----(BEGIN|END) RSA PUBLIC KEY-----", "").replaceAll("\\s", "")))));
            }
            byte[] decoded = decodeBase64(trimmed.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
            if (decoded.length > 0 && decoded[0] == '{') {
                return parseJson(new String(decoded, StandardCharsets.UTF_8));
            }
            return List.of(toJwk(publicKey(decoded)));
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a public key, JWK or JWK set: " + e.getMessage(), e);
        }
    }

    /** Reads the text at {@code location}. @throws IOException when nothing can be read there */
    public static String read(String location, ClassLoader loader) throws IOException {
        String where = location.strip();
        URL url = null;
        if (where.matches("(?i)^(https?|file|jar):.*")) {
            url = URI.create(where).toURL();
        } else {
            Path path = Path.of(where);
            if (Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            String resource = where.startsWith("/") ? where.substring(1) : where;
            url = loader == null ? null : loader.getResource(resource);
            if (url == null) {
                throw new IOException("no file or class-path resource " + where);
            }
        }
        URLConnection connection = url.openConnection();
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        try (InputStream in = connection.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_KEY_BYTES + 1);
            if (bytes.length > MAX_KEY_BYTES) {
                throw new IOException("the key at " + where + " is larger than 1 MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<JWK> parseJson(String json) throws ParseException {
        if (json.contains("\"keys\"")) {
            List<JWK> keys = JWKSet.parse(json).getKeys();
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("the JWK set has no keys");
            }
            return keys;
        }
        return List.of(JWK.parse(json));
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            return Base64.getUrlDecoder().decode(text);
        }
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    /** A PKCS#1 {@code RSAPublicKey}: {@code SEQUENCE { INTEGER modulus, INTEGER publicExponent }}. */
    static PublicKey pkcs1(byte[] der) throws GeneralSecurityException {
        Der in = new Der(der);
        in.expect(0x30);
        BigInteger modulus = new BigInteger(in.expect(0x02));
        BigInteger exponent = new BigInteger(in.expect(0x02));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    /** Just enough DER reading for {@link #pkcs1}. */
    private static final class Der {
        private final byte[] bytes;
        private int at;

        Der(byte[] bytes) {
            this.bytes = bytes;
        }

        /** Reads a tag and its length; returns the contents for primitive types (the position moves into constructed ones). */
        byte[] expect(int tag) throws GeneralSecurityException {
            if (at >= bytes.length || (bytes[at++] & 0xff) != tag) {
                throw new InvalidKeySpecException("not a PKCS#1 RSA public key");
            }
            int length = bytes[at++] & 0xff;
            if (length > 0x7f) {
                int octets = length & 0x7f;
                if (octets > 3) {
                    throw new InvalidKeySpecException("not a PKCS#1 RSA public key");
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (bytes[at++] & 0xff);
                }
            }
            if (length < 0 || at + length > bytes.length) {
                throw new InvalidKeySpecException("not a PKCS#1 RSA public key");
            }
            if (tag == 0x30) {
                return new byte[0];
            }
            byte[] content = java.util.Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return content;
        }
    }

    private static JWK toJwk(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
        throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
    }
}
