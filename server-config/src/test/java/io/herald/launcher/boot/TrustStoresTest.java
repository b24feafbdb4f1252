package io.herald.launcher.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoresTest {

    @Test
    void payarasBundledCertificatesWithoutTheExpiredOnes(@TempDir Path dir) throws Exception {
        URL bundled = TrustStores.class.getClassLoader().getResource(TrustStores.PAYARA_CACERTS);
        assertNotNull(bundled, "Payara Micro on the class path");
        Date now = new Date();
        Path target = dir.resolve("cacerts.p12");
        List<String> removed = TrustStores.withoutExpired(bundled, target, now);
        assertFalse(removed.isEmpty(), "Payara 6.2025.10 ships expired certificates");
        KeyStore kept = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(target)) {
            kept.load(in, TrustStores.PASSWORD);
        }
        KeyStore original = KeyStore.getInstance("PKCS12");
        try (InputStream in = bundled.openStream()) {
            original.load(in, TrustStores.PASSWORD);
        }
        assertEquals(original.size() - removed.size(), kept.size());
        assertTrue(kept.size() > 50, "the valid ones stay: " + kept.size());
        for (String alias : Collections.list(kept.aliases())) {
            assertTrue(((X509Certificate) kept.getCertificate(alias)).getNotAfter().after(now), alias);
            assertTrue(kept.isCertificateEntry(alias), alias);
        }
    }
}
