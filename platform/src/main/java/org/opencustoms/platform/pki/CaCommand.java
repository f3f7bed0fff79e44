package org.opencustoms.platform.pki;

import org.opencustoms.proto.scan.v1.ScannerIdentity;
import org.opencustoms.platform.cli.PlatformException;
import org.opencustoms.platform.cli.PlatformOptions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code bin/platform ca init [--host NAME,...]} creates the platform CA and scan-analysis-service's server certificate in the
 * data directory; {@code bin/platform ca issue-scanner --id ID --site LOCODE [--out DIR] [--days N]} certifies a
 * scanner and prints the directory holding its certificate, key and the CA's certificate on the last line.
 */
public final class CaCommand {

    /** The gRPC port's certificate: the name scanners see, and the file name under the CA directory. */
    public static final String INGEST_SERVER = "scan-analysis-service";
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);

    private CaCommand() {
    }

    public static Path directory(Path dataDirectory) {
        return dataDirectory.resolve("pki");
    }

    /** The CA and a current server certificate for the gRPC port: issued when missing or within 30 days of expiry. */
    public static PlatformCa.Issued ensureIngestServer(Path dataDirectory) {
        return ensureIngestServer(PlatformCa.loadOrCreate(directory(dataDirectory)));
    }

    public static PlatformCa.Issued ensureIngestServer(PlatformCa ca) {
        Path certificate = ca.directory().resolve(INGEST_SERVER + ".crt");
        Path key = ca.directory().resolve(INGEST_SERVER + ".key");
        if (java.nio.file.Files.exists(key) && PlatformCa.validFor(certificate, Duration.ofDays(30))) {
            return new PlatformCa.Issued(certificate, key, ca.certificateFile());
        }
        return ca.issueServer(INGEST_SERVER, List.of(INGEST_SERVER), SERVER_VALIDITY, ca.directory());
    }

    /** A new server certificate for the gRPC port that also names these host names (those scanners connect to). */
    static PlatformCa.Issued issueIngestServer(Path dataDirectory, List<String> hostNames) {
        for (String host : hostNames) {
            if (!host.matches("[A-Za-z0-9.-]{1,253}")) {
                throw new PlatformException("--host takes DNS names separated by commas, got: " + host);
            }
        }
        PlatformCa ca = PlatformCa.loadOrCreate(directory(dataDirectory));
        List<String> names = new java.util.ArrayList<>(List.of(INGEST_SERVER));
        names.addAll(hostNames);
        return ca.issueServer(INGEST_SERVER, names, SERVER_VALIDITY, ca.directory());
    }

    public static int run(PlatformOptions options, PrintStream out) {
        return switch (options.subcommand()) {
            case "init" -> {
                String hosts = options.option("host", null);
                PlatformCa.Issued server = hosts == null ? ensureIngestServer(options.dataDirectory())
                        : issueIngestServer(options.dataDirectory(), List.of(hosts.split(",")));
                out.println("platform CA: " + server.ca());
                out.println("scan-analysis-service's gRPC certificate: " + server.certificate());
                yield 0;
            }
            case "issue-scanner" -> {
                ScannerIdentity scanner;
                try {
                    scanner = new ScannerIdentity(required(options, "id"), required(options, "site"));
                } catch (IllegalArgumentException e) {
                    throw new PlatformException(e.getMessage());
                }
                long days = options.longOption("days", 365);
                if (days < 1 || days > 825) {
                    throw new PlatformException("--days takes 1 to 825");
                }
                PlatformCa ca = PlatformCa.loadOrCreate(directory(options.dataDirectory()));
                Path target = Path.of(options.option("out", directory(options.dataDirectory()).resolve("scanners").resolve(scanner.id()).toString()));
                PlatformCa.Issued issued = ca.issueScanner(scanner, Duration.ofDays(days), target.toAbsolutePath());
                out.printf("scanner %s at %s, valid %d days: certificate, key and the CA's certificate in%n", scanner.id(), scanner.site(), days);
                out.println(issued.certificate().getParent());
                yield 0;
            }
            default -> throw new PlatformException("usage: bin/platform ca init [--host NAME,...] | ca issue-scanner --id ID --site LOCODE [--out DIR] [--days N]");
        };
    }

    private static String required(PlatformOptions options, String name) {
        String value = options.option(name, null);
        if (value == null) {
            throw new PlatformException("--" + name + " is required: bin/platform ca issue-scanner --id ID --site LOCODE");
        }
        return value;
    }
}
