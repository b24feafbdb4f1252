package io.herald.launcher.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * The CA certificates Herald trusts for its outgoing TLS (a PostgreSQL server or a broker over
 * TLS): Payara Micro's bundled {@code cacerts.p12} without the certificates that have expired.
 * Payara warns about each expired one at every start, about twenty lines apiece, and an expired
 * certificate vouches for nothing. Used only when the user names no trust store
 * ({@code javax.net.ssl.trustStore}); Payara Micro copies the one named there into its domain.
 */
final class TrustStores {

    /** Payara's trust store password (its default master password). */
    static final char[] PASSWORD = "changeit".toCharArray();
    static final String PAYARA_CACERTS = "MICRO-INF/domain/cacerts.p12";

    private TrustStores() {
    }

    /**
     * Writes {@code source} without the certificates expired at {@code now} to {@code target}.
     * @return the aliases removed
     */
    static List<String> withoutExpired(URL source, Path target, Date now) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = source.openStream()) {
            store.load(in, PASSWORD);
        }
        List<String> expired = new java.util.ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (certificate instanceof X509Certificate x509 && x509.getNotAfter().before(now)) {
                expired.add(alias);
            }
        }
        for (String alias : expired) {
            store.deleteEntry(alias);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            store.store(out, PASSWORD);
        }
        return expired;
    }
}
