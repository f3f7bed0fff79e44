package org.opencustoms.scan.client;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import org.opencustoms.proto.scan.v1.ScannerIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * A scanner's credentials for mutual TLS, from the directory {@code bin/platform ca issue-scanner} writes:
 * its certificate ({@code scanner.crt}), its PKCS#8 key ({@code scanner.key}) and the CA that certifies the
 * service ({@code ca.crt}).
 */
public record ScannerTls(Path certificate, Path key, Path trustedCa) {

    public static ScannerTls inDirectory(Path directory) {
        ScannerTls tls = new ScannerTls(directory.resolve("scanner.crt"), directory.resolve("scanner.key"), directory.resolve("ca.crt"));
        for (Path file : List.of(tls.certificate, tls.key, tls.trustedCa)) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(file + " is missing or unreadable; bin/platform ca issue-scanner writes it");
            }
        }
        return tls;
    }

    public ChannelCredentials credentials() {
        try {
            return TlsChannelCredentials.newBuilder().keyManager(certificate.toFile(), key.toFile()).trustManager(trustedCa.toFile()).build();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the scanner's TLS files: " + e.getMessage(), e);
        }
    }

    /** The scanner id and site the certificate names, which every upload's header must repeat. */
    public ScannerIdentity identity() {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            return (names == null ? List.<List<?>>of() : names).stream()
                    .map(name -> ScannerIdentity.fromUri(String.valueOf(name.get(1))))
                    .flatMap(java.util.Optional::stream).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(certificate + " names no scanner; issue it with bin/platform ca issue-scanner"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read " + certificate + ": " + e.getMessage(), e);
        }
    }
}
