package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i * 7 + 1);
        }
    }

    SecretBox cut = new SecretBox(KEY);

    @Test
    void roundTrip() {
        String sealed = cut.seal("ak_demo_acme", "sk_demo_acme");
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains("sk_demo_acme"));
        // iv (12) + ciphertext (12) + tag (16)
        assertEquals(40, Base64.getDecoder().decode(sealed.substring(3)).length);
        assertEquals("sk_demo_acme", cut.open("ak_demo_acme", sealed));
        assertEquals("sk_demo_acme", new SecretBox(KEY.clone()).open("ak_demo_acme", sealed), "another box with the same key");
    }

    @Test
    void everySealUsesAFreshIv() {
        assertNotEquals(cut.seal("ak_1", "sk_same"), cut.seal("ak_1", "sk_same"));
    }

    @Test
    void anyChangedByteIsDetected() {
        String sealed = cut.seal("ak_demo_acme", "sk_demo_acme");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String changed = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThrows(IllegalArgumentException.class, () -> cut.open("ak_demo_acme", changed), "byte " + i);
        }
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherKey() {
        String sealed = cut.seal("ak_demo_acme", "sk_demo_acme");
        assertThrows(IllegalArgumentException.class, () -> cut.open("ak_demo_globex", sealed));
    }

    @Test
    void anotherKeyEncryptionKeyCannotOpenIt() {
        String sealed = cut.seal("ak_demo_acme", "sk_demo_acme");
        assertThrows(IllegalArgumentException.class, () -> SecretBox.development().open("ak_demo_acme", sealed));
    }

    @Test
    void malformedSealedTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> cut.open("ak", null));
        assertThrows(IllegalArgumentException.class, () -> cut.open("ak", "sk_demo_acme"));
        assertThrows(IllegalArgumentException.class, () -> cut.open("ak", "v2:" + cut.seal("ak", "x").substring(3)));
        assertThrows(IllegalArgumentException.class, () -> cut.open("ak", "v1:not base64!"));
        assertThrows(IllegalArgumentException.class, () -> cut.open("ak", "v1:AAAA"));
    }

    @Test
    void theKeyMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(null));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.ofBase64(Base64.getEncoder().encodeToString(new byte[31])));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.ofBase64("not base64!"));
        String sealed = SecretBox.ofBase64(" " + Base64.getEncoder().encodeToString(KEY) + "\n").seal("ak", "sk");
        assertEquals("sk", cut.open("ak", sealed));
    }

    @Test
    void theDevelopmentKeyIsTheSameEverywhere() {
        assertEquals("sk_x", SecretBox.development().open("ak_x", SecretBox.development().seal("ak_x", "sk_x")));
    }
}
