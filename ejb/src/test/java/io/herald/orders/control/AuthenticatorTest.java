package io.herald.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
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

    Authenticator cut = new Authenticator(k -> Optional.ofNullable(active.get(k)), Clock.fixed(Instant.ofEpochSecond(T + 42), ZoneOffset.UTC));

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
        Authenticator later = new Authenticator(k -> Optional.ofNullable(active.get(k)), Clock.fixed(Instant.ofEpochSecond(T + 301), ZoneOffset.UTC));
        assertEquals(new Authentication.Refused("invalid authorization_signature: timestamp out of range"), later.authenticate("ak_demo_acme", ACME_SIG));
    }

    @Test
    void aSecretThatCannotBeDecryptedRefusesEverySignature() {
        assertEquals(new Authentication.Refused(RequestSignature.MISMATCH),
                cut.authenticate("ak_broken", RequestSignature.header("ak_broken", "anything", T)));
    }
}
