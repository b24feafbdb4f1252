package io.herald.launcher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * {@code java -jar herald.jar hash-password}: prints a hash of a password for
 * {@code herald.admin.password-hash}, in the format that Jakarta Security's
 * {@code Pbkdf2PasswordHash} verifies ({@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>},
 * Base64): the server checks it with its own implementation of that interface.
 */
final class PasswordHashes {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 210_000;
    static final int SALT_BYTES = 32;
    static final int KEY_BYTES = 32;

    private PasswordHashes() {
    }

    /** The password from the console (asked twice), or the first line of standard input when there is no console. */
    static int print(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (!args.isEmpty()) {
            err.println("Usage: java -jar herald.jar hash-password   (reads the password from the console or standard input)");
            return 2;
        }
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || again == null || !Arrays.equals(password, again)) {
                err.println("The passwords differ");
                return 1;
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length < 8) {
            err.println("Use a password of at least 8 characters");
            return 1;
        }
        out.println(hash(password, new SecureRandom()));
        return 0;
    }

    static String hash(char[] password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(new PBEKeySpec(password, salt, ITERATIONS, KEY_BYTES * 8))
                    .getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return ALGORITHM + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}
