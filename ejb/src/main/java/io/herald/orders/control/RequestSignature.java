package io.herald.orders.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code authorization_signature} of a {@code connect} message (or the
 * {@code X-Authorization-Signature} header of a REST request, see {@link SignedRequest}):
 * {@code APIKey=<api_key>,signature=<sig>,timestamp=<unix seconds>}, where {@code sig} is the
 * lowercase hex HMAC-SHA256, keyed by the key's secret (its UTF-8 bytes), of what is signed: for
 * the connect {@code "GET\n/ws\n" + timestamp}. The three parts may come in any order, with
 * spaces around the commas; the names are matched case-insensitively.
 *
 * @param apiKey the {@code APIKey} part
 * @param signature the {@code signature} part, lowercased
 * @param timestamp the {@code timestamp} part, seconds since the epoch
 */
public record RequestSignature(String apiKey, String signature, long timestamp) {

    public static final String MISSING = "missing authorization_signature";
    public static final String INVALID = "invalid authorization_signature";
    public static final String KEY_MISMATCH = INVALID + ": APIKey does not match api_key";
    public static final String OUT_OF_RANGE = INVALID + ": timestamp out of range";
    public static final String MISMATCH = INVALID + ": signature mismatch";
    /** The signature was accepted before (on any node): each opens one connection or makes one request. */
    public static final String REPLAYED = INVALID + ": already used";

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final int MAX_HEADER = 1024;

    public RequestSignature {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(signature, "signature");
    }

    /** Parses the header value. @throws SignatureRefusedException ({@value #INVALID}) when it is malformed */
    public static RequestSignature parse(String header) throws SignatureRefusedException {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER) {
            throw new SignatureRefusedException(INVALID);
        }
        String apiKey = null;
        String signature = null;
        String timestamp = null;
        for (String part : header.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new SignatureRefusedException(INVALID);
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new SignatureRefusedException(INVALID);
            }
            switch (name) {
                case "apikey" -> apiKey = once(apiKey, value);
                case "signature" -> signature = once(signature, value);
                case "timestamp" -> timestamp = once(timestamp, value);
                default -> throw new SignatureRefusedException(INVALID);
            }
        }
        if (apiKey == null || signature == null || timestamp == null
                || !HEX_SHA256.matcher(signature).matches() || !SECONDS.matcher(timestamp).matches()) {
            throw new SignatureRefusedException(INVALID);
        }
        return new RequestSignature(apiKey, signature.toLowerCase(Locale.ROOT), Long.parseLong(timestamp));
    }

    /** What a {@code connect} signs: {@code GET\n/ws\n<timestamp>}. */
    public static String stringToSign(long timestamp) {
        return "GET\n/ws\n" + timestamp;
    }

    /** The lowercase hex HMAC-SHA256 of {@link #stringToSign} keyed by {@code secret}. */
    public static String sign(String secret, long timestamp) {
        return sign(secret, stringToSign(timestamp));
    }

    /** The lowercase hex HMAC-SHA256 of {@code signed} keyed by {@code secret}. */
    public static String sign(String secret, String signed) {
        return HexFormat.of().formatHex(hmac(secret, signed));
    }

    /** The header value a client sends. */
    public static String header(String apiKey, String secret, long timestamp) {
        return "APIKey=" + apiKey + ",signature=" + sign(secret, timestamp) + ",timestamp=" + timestamp;
    }

    /**
     * Checks that this signature was made within {@code window} of {@code now} for {@code apiKey}
     * with its {@code secret}, over what {@code signed} says is signed at this signature's
     * timestamp. Comparisons take the same time wherever the values differ. Whether it was used
     * before is not this method's business (see {@link SignatureLedger}).
     *
     * @throws SignatureRefusedException with {@link #KEY_MISMATCH}, {@link #OUT_OF_RANGE} or {@link #MISMATCH}
     */
    public void verify(String expectedApiKey, String secret, LongFunction<String> signed, SignatureWindow window, Instant now)
            throws SignatureRefusedException {
        if (!MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8), expectedApiKey.getBytes(StandardCharsets.UTF_8))) {
            throw new SignatureRefusedException(KEY_MISMATCH);
        }
        if (!window.admits(timestamp, now)) {
            throw new SignatureRefusedException(OUT_OF_RANGE);
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, signed.apply(timestamp))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new SignatureRefusedException(MISMATCH);
        }
    }

    private static String once(String seen, String value) throws SignatureRefusedException {
        if (seen != null) {
            throw new SignatureRefusedException(INVALID);
        }
        return value;
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
