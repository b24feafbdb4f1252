package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void printsJakartaSecuritysPbkdf2Format() throws Exception {
        String hash = PasswordHashes.hash("correct horse".toCharArray(), new SecureRandom());
        String[] parts = hash.split(":");
        assertEquals(4, parts.length, hash);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] key = Base64.getDecoder().decode(parts[3]);
        assertEquals(32, salt.length);
        byte[] again = SecretKeyFactory.getInstance(parts[0])
                .generateSecret(new PBEKeySpec("correct horse".toCharArray(), salt, iterations, key.length * 8)).getEncoded();
        assertArrayEquals(key, again);
        assertNotEquals(hash, PasswordHashes.hash("correct horse".toCharArray(), new SecureRandom()), "a new salt each time");
    }
}
