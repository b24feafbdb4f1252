package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    static final long T = 1767225600L;
    static final String ACME_SIG = "APIKey=ak_demo_acme,signature=7b3a09223206a2fdfefba5fec2b7581a4d40f8d7a0c8023f7b35fbe292a82648,timestamp=1767225600";

    /** Active keys; ak_revoked is absent as a revoked key is to the look-up. ak_broken's secret cannot be decrypted. */
    final Map<String, Authenticator.ActiveKey> active = Map.of(
            "ak_demo_acme", new Authenticator.ActiveKey("ak_demo_acme", "acme", () -> Optional.of("sk_demo_acme")),
            "ak_demo_globex", new Authenticator.ActiveKey("ak_demo_globex", "globex", () -> Optional.of("sk_demo_globex")),
            "ak_no_secret_needed", new Authenticator.ActiveKey("ak_no_secret_needed", "acme", () -> fail("secret read for an unsigned connect")),
            "ak_broken", new Authenticator.ActiveKey("ak_broken", "acme", Optional::empty));

    /** The cluster's memory of used signatures, shared by every authenticator of a test as the database is by the nodes. */
    final Map<String, Instant> ledger = new ConcurrentHashMap<>();

    Authenticator cut = at(T + 42);

    Authenticator at(long now) {
        return new Authenticator(k -> Optional.ofNullable(active.get(k)), Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC),
                SignatureWindow.defaults(), (apiKey, signature, keepUntil) -> ledger.putIfAbsent(apiKey + ":" + signature, keepUntil) == null);
    }

    @Test
    void anActiveKeyAuthenticatesWithoutSignature() {
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_acme", "acme", false)), cut.authenticate("ak_demo_acme", null));
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_no_secret_needed", "acme", false)), cut.authenticate("ak_no_secret_needed", null));
    }

    @Test
    void aValidSignatureMakesASignedClient() {
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_acme", "acme", true)), cut.authenticate("ak_demo_acme", ACME_SIG));
    }

    @Test
    void missingUnknownAndRevokedKeys() {
        assertEquals(new Authentication.Refused("missing api_key"), cut.authenticate(null, null));
        assertEquals(new Authentication.Refused("missing api_key"), cut.authenticate("  ", ACME_SIG));
        assertEquals(new Authentication.Refused("invalid api_key"), cut.authenticate("ak_unknown", null));
        assertEquals(new Authentication.Refused("invalid api_key"), cut.authenticate("ak_revoked", ACME_SIG));
        assertEquals(new Authentication.Refused("invalid api_key"), cut.authenticate("ak_" + "x".repeat(100), null));
    }

    @Test
    void badSignaturesAreRefusedWithTheirReason() {
        assertEquals(new Authentication.Refused("invalid authorization_signature"), cut.authenticate("ak_demo_acme", "nonsense"));
        assertEquals(new Authentication.Refused("invalid authorization_signature: APIKey does not match api_key"),
                cut.authenticate("ak_demo_globex", ACME_SIG));
        assertEquals(new Authentication.Refused("invalid authorization_signature: signature mismatch"),
                cut.authenticate("ak_demo_globex", ACME_SIG.replace("ak_demo_acme", "ak_demo_globex")));
        assertEquals(new Authentication.Refused("invalid authorization_signature: timestamp out of range"), at(T + 61).authenticate("ak_demo_acme", ACME_SIG));
        assertEquals(new Authentication.Refused("invalid authorization_signature: timestamp out of range"), at(T - 299).authenticate("ak_demo_acme", ACME_SIG),
                "a timestamp 299 s in the future");
        assertEquals(Map.of(), ledger, "refused signatures are not remembered");
    }

    @Test
    void aSecretThatCannotBeDecryptedRefusesEverySignature() {
        assertEquals(new Authentication.Refused(RequestSignature.MISMATCH),
                cut.authenticate("ak_broken", RequestSignature.header("ak_broken", "anything", T)));
    }

    @Test
    void aSignatureOpensOneConnectionOnWhicheverNode() {
        Authenticator nodeA = at(T + 1);
        Authenticator nodeB = at(T + 2);
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_acme", "acme", true)), nodeA.authenticate("ak_demo_acme", ACME_SIG));
        assertEquals(new Authentication.Refused("invalid authorization_signature: already used"), nodeA.authenticate("ak_demo_acme", ACME_SIG));
        assertEquals(new Authentication.Refused(RequestSignature.REPLAYED), nodeB.authenticate("ak_demo_acme", ACME_SIG), "on another node");
        String reordered = ACME_SIG.replace("APIKey=ak_demo_acme,", "").toUpperCase(java.util.Locale.ROOT).replace("SIGNATURE=", "signature=")
                .replace("TIMESTAMP=", "timestamp=") + ", APIKey=ak_demo_acme";
        assertEquals(new Authentication.Refused(RequestSignature.REPLAYED), nodeB.authenticate("ak_demo_acme", reordered),
                "the same signature written differently");
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_acme", "acme", true)),
                nodeB.authenticate("ak_demo_acme", RequestSignature.header("ak_demo_acme", "sk_demo_acme", T + 1)), "a fresh signature");
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_globex", "globex", true)),
                nodeB.authenticate("ak_demo_globex", RequestSignature.header("ak_demo_globex", "sk_demo_globex", T)), "another key, same second");
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_acme", "acme", false)), nodeA.authenticate("ak_demo_acme", null),
                "API-key-only connects are not limited");
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_acme", "acme", false)), nodeA.authenticate("ak_demo_acme", null));
        assertEquals(3, ledger.size());
        assertEquals(SignatureWindow.defaults().keepUntil(T), ledger.get("ak_demo_acme:" + RequestSignatureTest.ACME_AT_2026));
    }

    @Test
    void aRestRequestNeedsTheKeyAndWhereRequiredAnUnusedSignatureOverItself() {
        SignedRequest list = SignedRequest.of("GET", "/orders/api/orders", null);
        String signed = list.header("ak_demo_acme", "sk_demo_acme", T + 40);
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_acme", "acme", false)), cut.authenticateRequest("ak_demo_acme", null, null),
                "the key alone where no signature is required");
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_no_secret_needed", "acme", false)),
                cut.authenticateRequest("ak_no_secret_needed", "garbage", null), "a signature where none is required is not looked at");
        assertEquals(new Authentication.Refused("invalid api_key"), cut.authenticateRequest("ak_unknown", signed, list));
        assertEquals(new Authentication.Refused("missing authorization_signature"), cut.authenticateRequest("ak_demo_acme", null, list));
        assertEquals(new Authentication.Refused(RequestSignature.MISSING), cut.authenticateRequest("ak_demo_acme", " ", list));
        assertEquals(new Authentication.Refused(RequestSignature.MISMATCH), cut.authenticateRequest("ak_demo_acme", ACME_SIG, list),
                "a connect signature does not sign a request");
        assertEquals(new Authentication.Refused(RequestSignature.MISMATCH),
                cut.authenticateRequest("ak_demo_acme", signed, SignedRequest.of("GET", "/orders/api/orders?limit=5", null)));
        assertEquals(new Authentication.Refused(RequestSignature.MISMATCH), cut.authenticate("ak_demo_acme", signed),
                "a request signature does not sign a connect");
        assertEquals(Map.of(), ledger);
        assertEquals(new Authentication.Authenticated(new OrderClient("ak_demo_acme", "acme", true)), cut.authenticateRequest("ak_demo_acme", signed, list));
        assertEquals(new Authentication.Refused(RequestSignature.REPLAYED), at(T + 50).authenticateRequest("ak_demo_acme", signed, list));
        assertEquals(new Authentication.Refused(RequestSignature.OUT_OF_RANGE),
                cut.authenticateRequest("ak_demo_acme", list.header("ak_demo_acme", "sk_demo_acme", T + 42 + 299), list));
    }
}
