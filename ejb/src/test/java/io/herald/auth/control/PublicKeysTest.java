package io.herald.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicKeysTest {

    private static RSAKey rsa;
    private static ECKey ec;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    private static String rsaPem() throws Exception {
        return pem(rsa.toRSAPublicKey().getEncoded());
    }

    @Test
    void aPemPublicKeyOfEitherType() throws Exception {
        List<JWK> keys = PublicKeys.parse(rsaPem());
        assertEquals(1, keys.size());
        assertEquals(rsa.toRSAPublicKey(), keys.get(0).toRSAKey().toRSAPublicKey());
        assertEquals(ec.toECPublicKey(), PublicKeys.parse(pem(ec.toECPublicKey().getEncoded())).get(0).toECKey().toECPublicKey());
    }

    @Test
    void aPkcs1RsaPublicKeyPem() throws Exception {
        // SubjectPublicKeyInfo = SEQUENCE { AlgorithmIdentifier (15 bytes), BIT STRING { 0x00, RSAPublicKey } }
        byte[] spki = rsa.toRSAPublicKey().getEncoded();
        byte[] pkcs1 = java.util.Arrays.copyOfRange(spki, 24, spki.length);
        String pem = "-----BEGIN RSA PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs1) + "\n-----END RSA PUBLIC KEY-----\n";
        assertEquals(rsa.toRSAPublicKey(), PublicKeys.parse(pem).get(0).toRSAKey().toRSAPublicKey());
    }

    @Test
    void aJwkOrAJwkSetPlainOrBase64Encoded() throws Exception {
        String set = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
        assertEquals(List.of(rsa.toPublicJWK(), ec.toPublicJWK()), PublicKeys.parse(set));
        assertEquals(List.of(ec.toPublicJWK()), PublicKeys.parse(ec.toPublicJWK().toJSONString()));
        assertEquals(2, PublicKeys.parse(Base64.getEncoder().encodeToString(set.getBytes(StandardCharsets.UTF_8))).size());
        assertEquals(2, PublicKeys.parse(Base64.getUrlEncoder().encodeToString(set.getBytes(StandardCharsets.UTF_8))).size());
    }

    @Test
    void base64DerWithoutPemArmour() throws Exception {
        String der = Base64.getEncoder().encodeToString(rsa.toRSAPublicKey().getEncoded());
        assertEquals(rsa.toRSAPublicKey(), PublicKeys.parse(der).get(0).toRSAKey().toRSAPublicKey());
    }

    @Test
    void unusableKeysAreRefusedWithAReason() {
        assertEquals("the key is empty", assertThrows(IllegalArgumentException.class, () -> PublicKeys.parse(" ")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PublicKeys.parse("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----")).getMessage().contains("PKCS#1"));
        assertThrows(IllegalArgumentException.class,
                () -> PublicKeys.parse("-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA\n-----END RSA PUBLIC KEY-----"));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.parse("{\"keys\":[]}"));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.parse("bm90IGEga2V5"));
    }

    @Test
    void readsAFilePathAFileUrlOrAClassPathResource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, rsaPem());
        ClassLoader loader = getClass().getClassLoader();
        assertEquals(rsaPem(), PublicKeys.read(file.toString(), loader));
        assertEquals(rsaPem(), PublicKeys.read(file.toUri().toString(), loader));
        assertEquals("class-path key\n", PublicKeys.read("/test-key.txt", loader));
        assertEquals("class-path key\n", PublicKeys.read("test-key.txt", loader));
        IOException missing = assertThrows(IOException.class, () -> PublicKeys.read(dir.resolve("nope.pem").toString(), loader));
        assertTrue(missing.getMessage().contains("nope.pem"), missing.getMessage());
    }
}
