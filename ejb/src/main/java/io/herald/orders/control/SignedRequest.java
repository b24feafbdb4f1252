package io.herald.orders.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A REST request that must be signed: what the client signs is
 * {@code <METHOD>\n<target>\n<timestamp>\n<body hash>}, where the target is the request's path and
 * query as sent ({@code /orders/api/orders/ord_…}) and the body hash the lowercase hex SHA-256 of
 * the body's bytes (of nothing for a request without a body:
 * {@value #EMPTY_BODY_SHA256}).
 *
 * @param method the HTTP method, uppercase
 * @param target the path and, if any, {@code ?} and the query, as sent
 * @param bodySha256 the lowercase hex SHA-256 of the body
 */
public record SignedRequest(String method, String target, String bodySha256) {

    public static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(bodySha256, "bodySha256");
        method = method.toUpperCase(Locale.ROOT);
    }

    public static SignedRequest of(String method, String target, byte[] body) {
        return new SignedRequest(method, target, sha256(body == null ? new byte[0] : body));
    }

    /** The string the client signs with {@code timestamp}. */
    public String stringToSign(long timestamp) {
        return method + "\n" + target + "\n" + timestamp + "\n" + bodySha256;
    }

    /** The lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The {@code X-Authorization-Signature} value a client sends for this request. */
    public String header(String apiKey, String secret, long timestamp) {
        return "APIKey=" + apiKey + ",signature=" + RequestSignature.sign(secret, stringToSign(timestamp)) + ",timestamp=" + timestamp;
    }
}
