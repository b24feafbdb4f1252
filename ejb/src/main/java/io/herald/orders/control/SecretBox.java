package io.herald.orders.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals API-key secrets for storage with AES-256-GCM. Hashing is not possible: verifying an HMAC
 * signature needs the secret itself. A sealed secret is {@code "v1:" + Base64(iv || ciphertext || tag)}
 * with a random 96-bit IV and a 128-bit tag; the API key is the additional authenticated data, so
 * a sealed secret copied onto another key's row does not open.
 */
public final class SecretBox {

    public static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param key 32 bytes (AES-256) */
    public SecretBox(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box with the key given as Base64 text (as in {@code herald.orders.secret-key}). */
    public static SecretBox ofBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key-encryption key is not Base64", e);
        }
        try {
            return new SecretBox(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The built-in development key: the same on every node, and public (it is in the source), so
     * secrets sealed with it are only obscured. Production sets {@code herald.orders.secret-key}.
     */
    public static SecretBox development() {
        try {
            return new SecretBox(MessageDigest.getInstance("SHA-256")
                    .digest("Herald development key for API-key secrets; not for production".getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts {@code secret} bound to {@code apiKey}. */
    public String seal(String apiKey, String secret) {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, apiKey);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a sealed secret of {@code apiKey}.
     *
     * @throws IllegalArgumentException if it is not a sealed secret of this format, was changed,
     *     belongs to another key or was sealed with another key-encryption key
     */
    public String open(String apiKey, String sealed) {
        Objects.requireNonNull(apiKey, "apiKey");
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a " + VERSION + " sealed secret");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed secret is not Base64", e);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed secret is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), apiKey);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed secret does not open: changed, another key's, or another key-encryption key", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String apiKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(apiKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
