package org.opencustoms.scan.ingest;

import io.grpc.ChannelCredentials;
import org.opencustoms.proto.scan.v1.ScannerIdentity;
import org.opencustoms.platform.pki.PlatformCa;
import org.opencustoms.scan.client.ScannerTls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Certificates for the ingest tests, made with the platform CA's own code in a directory of this JVM's (so
 * the test resource that configures the server and the tests that connect agree on them): the server's,
 * the test scanner's (SIM-PORTAL-1 at USLAX, as the test headers say), another scanner's, and one from a
 * CA the server does not trust.
 */
public final class TestPki {

    public static final ScannerIdentity SCANNER = new ScannerIdentity("SIM-PORTAL-1", "USLAX");
    public static final ScannerIdentity OTHER_SCANNER = new ScannerIdentity("OTHER-PORTAL-7", "USNYC");
    private static final Duration VALIDITY = Duration.ofDays(2);

    private TestPki() {
    }

    static Path directory() {
        return Path.of("target", "test-pki", Long.toString(ProcessHandle.current().pid())).toAbsolutePath();
    }

    /** The server's TLS configuration, the files made first if this JVM has none yet. */
    public static synchronized Map<String, String> serverConfig() {
        Path dir = directory();
        PlatformCa ca = PlatformCa.loadOrCreate(dir.resolve("ca"));
        if (!Files.exists(dir.resolve("foreign-scanner/scanner.crt"))) {
            ca.issueServer("scan-analysis-service", List.of(), VALIDITY, dir.resolve("server"));
            ca.issueScanner(SCANNER, VALIDITY, dir.resolve("scanner"));
            ca.issueScanner(OTHER_SCANNER, VALIDITY, dir.resolve("other-scanner"));
            PlatformCa.loadOrCreate(dir.resolve("foreign-ca")).issueScanner(SCANNER, VALIDITY, dir.resolve("foreign-scanner"));
        }
        return Map.of(
                "quarkus.grpc.server.ssl.certificate", dir.resolve("server/scan-analysis-service.crt").toString(),
                "quarkus.grpc.server.ssl.key", dir.resolve("server/scan-analysis-service.key").toString(),
                "quarkus.grpc.server.ssl.trust-store", ca.trustStore().toString(),
                "quarkus.grpc.server.ssl.trust-store-password", ca.trustStorePassword());
    }

    /** The test scanner, SIM-PORTAL-1 at USLAX. */
    public static ScannerTls scanner() {
        return ScannerTls.inDirectory(directory().resolve("scanner"));
    }

    public static ChannelCredentials scannerCredentials() {
        return scanner().credentials();
    }

    public static ChannelCredentials otherScannerCredentials() {
        return ScannerTls.inDirectory(directory().resolve("other-scanner")).credentials();
    }

    /** SIM-PORTAL-1's name, but signed by a CA the server does not trust. */
    public static ChannelCredentials foreignCredentials() {
        return ScannerTls.inDirectory(directory().resolve("foreign-scanner")).credentials();
    }
}
