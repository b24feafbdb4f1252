package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestSignatureTest {

    /** {@code printf 'GET\n/ws\n1767225600' | openssl dgst -sha256 -hmac sk_demo_acme} */
    static final String ACME_AT_2026 = "7b3a09223206a2fdfefba5fec2b7581a4d40f8d7a0c8023f7b35fbe292a82648";
    /** {@code printf 'GET\n/ws\n1767225600' | openssl dgst -sha256 -hmac sk_demo_globex} */
    static final String GLOBEX_AT_2026 = "aea10d81bb48826e2a8584b6b189f8264a73388f17b5626c9b1faf99bc6d2b5b";
    static final long T = 1767225600L;
    static final Instant AT_T = Instant.ofEpochSecond(T);
    static final SignatureWindow WINDOW = SignatureWindow.defaults();

    /** Verifies a connect signature against the default window. */
    static void verify(RequestSignature signature, String apiKey, String secret, Instant now) throws SignatureRefusedException {
        signature.verify(apiKey, secret, RequestSignature::stringToSign, WINDOW, now);
    }

    static String refusal(ThrowingCheck check) {
        return assertThrows(SignatureRefusedException.class, check::run).getMessage();
    }

    interface ThrowingCheck {
        void run() throws SignatureRefusedException;
    }

    @Test
    void knownVectorsMatchOpenssl() {
        assertEquals("GET\n/ws\n1767225600", RequestSignature.stringToSign(T));
        assertEquals(ACME_AT_2026, RequestSignature.sign("sk_demo_acme", T));
        assertEquals(GLOBEX_AT_2026, RequestSignature.sign("sk_demo_globex", T));
        assertEquals("APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=1767225600",
                RequestSignature.header("ak_demo_acme", "sk_demo_acme", T));
    }

    @Test
    void aCorrectSignatureVerifies() throws SignatureRefusedException {
        RequestSignature cut = RequestSignature.parse("APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=1767225600");
        assertEquals(new RequestSignature("ak_demo_acme", ACME_AT_2026, T), cut);
        verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T);
    }

    @Test
    void partsMayComeInAnyOrderWithSpacesAndUppercaseHex() throws SignatureRefusedException {
        RequestSignature cut = RequestSignature.parse(" timestamp=1767225600, signature=" + ACME_AT_2026.toUpperCase(Locale.ROOT) + ",  APIKey=ak_demo_acme");
        assertEquals(new RequestSignature("ak_demo_acme", ACME_AT_2026, T), cut);
        verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T);
        assertEquals("ak_demo_acme", RequestSignature.parse("apikey=ak_demo_acme,Signature=" + ACME_AT_2026 + ",TIMESTAMP=1").apiKey());
    }

    @Test
    void aTimestampUpTo60SecondsOldOr5SecondsAheadIsAccepted() throws SignatureRefusedException {
        RequestSignature cut = RequestSignature.parse(RequestSignature.header("ak_demo_acme", "sk_demo_acme", T));
        assertDoesNotThrow(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T.plusSeconds(60)));
        assertDoesNotThrow(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T.plusMillis(60_999)));
        assertDoesNotThrow(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T.minusSeconds(5)));
        assertEquals(RequestSignature.OUT_OF_RANGE, refusal(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T.plusSeconds(61))));
        assertEquals(RequestSignature.OUT_OF_RANGE, refusal(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T.minusSeconds(6))));
        assertEquals(RequestSignature.OUT_OF_RANGE, refusal(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T.minusSeconds(299))),
                "299 s in the future");
        assertEquals("invalid authorization_signature: timestamp out of range",
                refusal(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", Instant.now())));
    }

    @Test
    void aRequestSignatureCoversMethodTargetTimestampAndBody() throws SignatureRefusedException {
        SignedRequest patch = SignedRequest.of("PATCH", "/orders/api/orders/ord_1", "{\"status\":\"cancelled\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("PATCH\n/orders/api/orders/ord_1\n1767225600\n" + SignedRequest.sha256("{\"status\":\"cancelled\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                patch.stringToSign(T));
        RequestSignature cut = RequestSignature.parse(patch.header("ak_demo_acme", "sk_demo_acme", T));
        cut.verify("ak_demo_acme", "sk_demo_acme", patch::stringToSign, WINDOW, AT_T);
        for (SignedRequest other : new SignedRequest[] {
            SignedRequest.of("PATCH", "/orders/api/orders/ord_2", "{\"status\":\"cancelled\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            SignedRequest.of("PATCH", "/orders/api/orders/ord_1", "{\"status\":\"shipped\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            SignedRequest.of("GET", "/orders/api/orders/ord_1", null)}) {
            assertEquals(RequestSignature.MISMATCH, refusal(() -> cut.verify("ak_demo_acme", "sk_demo_acme", other::stringToSign, WINDOW, AT_T)), other.toString());
        }
        assertEquals(RequestSignature.MISMATCH, refusal(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T)), "not a connect signature");
        assertEquals(SignedRequest.EMPTY_BODY_SHA256, SignedRequest.of("get", "/orders/api/orders", new byte[0]).bodySha256());
        // printf 'GET\n/orders/api/orders\n1767225600\ne3b0…b855' | openssl dgst -sha256 -hmac sk_demo_acme
        assertEquals("56c114475ed1a9b85fcbd460e3814c2342ba0ad5af8827355f386a734ade1ece",
                RequestSignature.sign("sk_demo_acme", SignedRequest.of("GET", "/orders/api/orders", null).stringToSign(T)));
        assertEquals("GET\n/orders/api/orders\n1767225600\n" + SignedRequest.EMPTY_BODY_SHA256, SignedRequest.of("get", "/orders/api/orders", null).stringToSign(T));
    }

    @Test
    void aTamperedSignatureIsAMismatch() throws SignatureRefusedException {
        char last = ACME_AT_2026.charAt(63);
        String flipped = ACME_AT_2026.substring(0, 63) + (last == '8' ? '9' : '8');
        RequestSignature cut = RequestSignature.parse("APIKey=ak_demo_acme,signature=" + flipped + ",timestamp=1767225600");
        assertEquals("invalid authorization_signature: signature mismatch", refusal(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T)));
    }

    @Test
    void aTamperedTimestampIsAMismatch() throws SignatureRefusedException {
        RequestSignature cut = RequestSignature.parse("APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=1767225601");
        assertEquals(RequestSignature.MISMATCH, refusal(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T)));
    }

    @Test
    void anotherKeysSignatureIsRefused() throws SignatureRefusedException {
        // globex's own header, sent with acme's api_key
        RequestSignature globex = RequestSignature.parse(RequestSignature.header("ak_demo_globex", "sk_demo_globex", T));
        assertEquals("invalid authorization_signature: APIKey does not match api_key",
                refusal(() -> verify(globex, "ak_demo_acme", "sk_demo_acme", AT_T)));
        // globex's signature relabelled as acme's
        RequestSignature relabelled = RequestSignature.parse("APIKey=ak_demo_acme,signature=" + GLOBEX_AT_2026 + ",timestamp=1767225600");
        assertEquals(RequestSignature.MISMATCH, refusal(() -> verify(relabelled, "ak_demo_acme", "sk_demo_acme", AT_T)));
    }

    @Test
    void aTamperedApiKeyIsRefused() throws SignatureRefusedException {
        RequestSignature cut = RequestSignature.parse("APIKey=ak_demo_acmf,signature=" + ACME_AT_2026 + ",timestamp=1767225600");
        assertEquals(RequestSignature.KEY_MISMATCH, refusal(() -> verify(cut, "ak_demo_acme", "sk_demo_acme", AT_T)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        " ",
        "garbage",
        "APIKey=ak_demo_acme",
        "APIKey=ak_demo_acme,signature=" + ACME_AT_2026,
        "signature=" + ACME_AT_2026 + ",timestamp=1767225600",
        "APIKey=,signature=" + ACME_AT_2026 + ",timestamp=1767225600",
        "APIKey=ak_demo_acme,signature=,timestamp=1767225600",
        "APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=",
        "APIKey=ak_demo_acme,signature=abc,timestamp=1767225600",
        "APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + "00,timestamp=1767225600",
        "APIKey=ak_demo_acme,signature=zz3a09223206a2fdfefba5fec2b7581a4d40f8d7a0c8023f7b35fbe292a82648,timestamp=1767225600",
        "APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=1767225600.5",
        "APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=-1767225600",
        "APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=2026-01-01T00:00:00Z",
        "APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=1767225600,",
        "APIKey=ak_demo_acme,APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=1767225600",
        "APIKey=ak_demo_acme,signature=" + ACME_AT_2026 + ",timestamp=1767225600,nonce=1",
        "APIKey=ak_demo_acme;signature=" + ACME_AT_2026 + ";timestamp=1767225600",
        "123"
    })
    void malformedHeadersAreRefused(String header) {
        assertEquals("invalid authorization_signature", refusal(() -> RequestSignature.parse(header)));
    }

    @Test
    void aVeryLongHeaderIsRefusedWithoutParsing() {
        assertEquals(RequestSignature.INVALID, refusal(() -> RequestSignature.parse("APIKey=" + "a".repeat(5000) + ",signature=" + ACME_AT_2026 + ",timestamp=1")));
    }
}
