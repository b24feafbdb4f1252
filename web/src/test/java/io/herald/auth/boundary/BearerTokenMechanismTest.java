package io.herald.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenMechanismTest {

    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheTokenTrimmed() {
        assertEquals(Optional.of("abc.def.ghi"), BearerTokenMechanism.bearer("Bearer abc.def.ghi"));
        assertEquals(Optional.of("abc.def.ghi"), BearerTokenMechanism.bearer("bearer  abc.def.ghi "));
    }

    @Test
    void otherSchemesAndEmptyValuesAreNotBearerTokens() {
        assertEquals(Optional.empty(), BearerTokenMechanism.bearer(null));
        assertEquals(Optional.empty(), BearerTokenMechanism.bearer("Basic YWxhZGRpbjpvcGVuc2VzYW1l"));
        assertEquals(Optional.empty(), BearerTokenMechanism.bearer("Bearer "));
        assertEquals(Optional.empty(), BearerTokenMechanism.bearer("Bearerabc"));
    }
}
