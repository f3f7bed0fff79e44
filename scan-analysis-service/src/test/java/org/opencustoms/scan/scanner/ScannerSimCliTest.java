package org.opencustoms.scan.scanner;

import org.opencustoms.tools.scanner.ScannerSimCli;

import org.opencustoms.scan.ingest.TestPki;

import org.opencustoms.common.identity.Roles;

import org.opencustoms.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.scan.ingest.GrpcTestPortResource;
import org.opencustoms.scan.ingest.IngestTestSupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated scanner streams simulated scans into the real service and reports throughput. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
class ScannerSimCliTest {

    private static final Pattern STORED_SCAN = Pattern.compile("^  (SIM-\\S+)  (\\d+)x(\\d+) ", Pattern.MULTILINE);

    @Test
    void streamsSimulatedGammaScansAndReportsBothThroughputs() throws IOException {
        Path baseline = Files.createTempDirectory("ingest-baseline");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ScannerSimCli.run(new String[] {"--target", IngestTestSupport.target(),
                        "--tls-dir", TestPki.scanner().certificate().getParent().toString(), "--scans", "2", "--modality", "gamma", "--scale", "0.5",
                        "--warm-up-scans", "1", "--baseline-dir", baseline.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("warm-up: 1 full-resolution gamma scans streamed in "), printed);
        assertTrue(printed.contains("MB/s end to end"), printed);
        assertTrue(printed.contains("baseline: the same bytes over a loopback socket, SHA-256, written and fsynced"), printed);
        assertTrue(printed.contains("ingest/baseline after the first scan: "), printed);
        try (Stream<Path> left = Files.list(baseline)) {
            assertEquals(0, left.count(), "the baseline removes what it wrote");
        }
        Matcher scan = STORED_SCAN.matcher(printed);
        int streamed = 0;
        while (scan.find()) {
            streamed++;
            TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", scan.group(1)).then().statusCode(200)
                    .body("modality", equalTo("GAMMA"))
                    .body("width", equalTo(Integer.parseInt(scan.group(2))))
                    .body("isotope", anyOf(equalTo("Co-60"), equalTo("Cs-137")));
        }
        assertEquals(2, streamed, "the warm-up scan is not reported as measured: " + printed);
    }

    @Test
    void badUsageExplainsItself() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ScannerSimCli.run(new String[] {"--target", "no-port", "--scans", "2", "--plaintext"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--target must be HOST:PORT"));

        ByteArrayOutputStream warmUpErr = new ByteArrayOutputStream();
        int warmUpExit = ScannerSimCli.run(new String[] {"--target", "localhost:9082", "--scans", "2", "--plaintext", "--warm-up-scans", "-1"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(warmUpErr, true, StandardCharsets.UTF_8));
        assertEquals(2, warmUpExit);
        assertTrue(warmUpErr.toString(StandardCharsets.UTF_8).contains("--warm-up-scans must be 0 to 1000"));
    }

    @Test
    void simulatedContainerNumbersAreValidIso6346Numbers() {
        assertTrue(ContainerNumbers.isValid(SimulatedScanner.containerNumber(42)));
        assertTrue(SimulatedScanner.containerNumber(-7).startsWith("SIMU"));
    }
}
