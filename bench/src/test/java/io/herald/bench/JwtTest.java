package io.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtTest {

    @Test
    void tokensVerifyWithThePublicKeyFileAndCarryIssuerSubjectAndGroups(@TempDir Path dir) throws Exception {
        Jwt jwt = Jwt.generate();
        Path pem = jwt.writePublicKey(dir.resolve("keys/idp-public.pem"));
        String text = Files.readString(pem);
        assertTrue(text.startsWith("-----BEGIN PUBLIC KEY-----\n") && text.endsWith("-----END PUBLIC KEY-----\n"), text);
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""))));

        String token = jwt.sign("bench", 3600, "admin");

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        assertTrue(claims.contains("\"iss\":\"" + Jwt.ISSUER + "\"") && claims.contains("\"sub\":\"bench\"")
                && claims.contains("\"upn\":\"bench\"") && claims.contains("\"groups\":[\"admin\"]"), claims);
        long exp = (long) NodeSubscribers.number(claims, "exp");
        long iat = (long) NodeSubscribers.number(claims, "iat");
        assertEquals(3600, exp - iat);
    }
}
