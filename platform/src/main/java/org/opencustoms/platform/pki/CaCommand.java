package org.opencustoms.platform.pki;

import org.opencustoms.proto.scan.v1.ScannerIdentity;
import org.opencustoms.platform.cli.PlatformCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/platform ca init [--host NAME,...]} creates the platform CA and scan-analysis-service's server certificate in the
 * data directory; {@code bin/platform ca issue-scanner --id ID --site LOCODE [--out DIR] [--days N]} certifies a
 * scanner and prints the directory holding its certificate, key and the CA's certificate on the last line.
 */
@Command(name = "ca", mixinStandardHelpOptions = true, subcommands = {CaCommand.Init.class, CaCommand.IssueScanner.class},
        synopsisSubcommandLabel = "COMMAND",
        description = "The platform CA: scan-analysis-service's gRPC certificate and the scanners' certificates.")
public final class CaCommand implements Runnable {

    /** The gRPC port's certificate: the name scanners see, and the file name under the CA directory. */
    public static final String INGEST_SERVER = "scan-analysis-service";
    private static final Duration SERVER_VALIDITY = Duration.ofDays(825);

    @ParentCommand
    PlatformCli platform;

    @Spec
    CommandSpec spec;

    private CaCommand() {
    }

    @Override
    public void run() {
        throw PlatformCli.missingCommand(spec);
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
        PlatformCa ca = PlatformCa.loadOrCreate(directory(dataDirectory));
        List<String> names = new java.util.ArrayList<>(List.of(INGEST_SERVER));
        names.addAll(hostNames);
        return ca.issueServer(INGEST_SERVER, names, SERVER_VALIDITY, ca.directory());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates the platform CA and scan-analysis-service's gRPC certificate where they are missing "
                    + "(or, with --host, a new certificate).")
    static final class Init implements Callable<Integer> {

        @ParentCommand
        CaCommand ca;

        @Spec
        CommandSpec spec;

        @Option(names = "--host", split = ",", paramLabel = "NAME",
                description = "host names scanners connect to, also named in a new server certificate")
        List<String> hosts;

        @Override
        public Integer call() {
            Path dataDirectory = ca.platform.dataDirectory();
            if (hosts != null) {
                for (String host : hosts) {
                    if (!host.matches("[A-Za-z0-9.-]{1,253}")) {
                        throw new ParameterException(spec.commandLine(), "--host takes DNS names separated by commas, got: " + host);
                    }
                }
            }
            PlatformCa.Issued server = hosts == null ? ensureIngestServer(dataDirectory) : issueIngestServer(dataDirectory, hosts);
            PrintStream out = ca.platform.out();
            out.println("platform CA: " + server.ca());
            out.println("scan-analysis-service's gRPC certificate: " + server.certificate());
            return 0;
        }
    }

    @Command(name = "issue-scanner", mixinStandardHelpOptions = true,
            description = "Certifies a scanner; the last line is the directory with its certificate, key and the CA's certificate.")
    static final class IssueScanner implements Callable<Integer> {

        @ParentCommand
        CaCommand ca;

        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "the scanner's id, e.g. PORTAL-1")
        String id;

        @Option(names = "--site", required = true, paramLabel = "LOCODE", description = "the UN/LOCODE of the port it stands at")
        String site;

        @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: pki/scanners/ID in the data directory)")
        Path out;

        @Option(names = "--days", paramLabel = "N", description = "days the certificate is valid, 1 to 825 (default ${DEFAULT-VALUE})")
        long days = 365;

        @Override
        public Integer call() {
            ScannerIdentity scanner;
            try {
                scanner = new ScannerIdentity(id, site);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (days < 1 || days > 825) {
                throw new ParameterException(spec.commandLine(), "--days takes 1 to 825");
            }
            Path dataDirectory = ca.platform.dataDirectory();
            PlatformCa platformCa = PlatformCa.loadOrCreate(directory(dataDirectory));
            Path target = out != null ? out : directory(dataDirectory).resolve("scanners").resolve(scanner.id());
            PlatformCa.Issued issued = platformCa.issueScanner(scanner, Duration.ofDays(days), target.toAbsolutePath());
            PrintStream printed = ca.platform.out();
            printed.printf("scanner %s at %s, valid %d days: certificate, key and the CA's certificate in%n", scanner.id(),
                    scanner.site(), days);
            printed.println(issued.certificate().getParent());
            return 0;
        }
    }
}
