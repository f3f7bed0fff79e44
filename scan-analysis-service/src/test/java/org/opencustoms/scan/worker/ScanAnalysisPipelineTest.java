package org.opencustoms.scan.worker;

import org.opencustoms.proto.scan.v1.RetryPushback;

import static org.junit.jupiter.api.Assertions.assertThrows;
import io.grpc.StatusRuntimeException;
import io.grpc.Status;
import org.opencustoms.scan.ingest.TestPki;

import org.opencustoms.common.identity.Roles;

import org.opencustoms.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.proto.scan.v1.ScanHeader;
import org.opencustoms.scan.catalog.ScanRecord;
import org.opencustoms.scan.catalog.ScanRepository;
import org.opencustoms.scan.client.PayloadSource;
import org.opencustoms.scan.client.ReconnectingChannel;
import org.opencustoms.scan.client.ScanUploader;
import org.opencustoms.scan.ingest.GrpcTestPortResource;
import org.opencustoms.scan.ingest.IngestTestSupport;
import org.opencustoms.scan.ingest.TestScans;
import org.opencustoms.scan.sim.ModalityChoice;
import org.opencustoms.scan.sim.ScanSimulator;
import org.opencustoms.scan.sim.SimulatedScan;
import org.opencustoms.scan.sim.SimulationOptions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionFactory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan streamed over real gRPC is analysed by the worker pool with the shipped models, its results and
 * renditions are served, and its finding reaches inspection-service (a stand-in the tests can make fail).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
@QuarkusTestResource(InspectionStandIn.class)
class ScanAnalysisPipelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> THREAT_CLASSES = List.of("firearm", "dense-shielding", "organic-packages", "concealed-compartment");

    @Inject
    AnalysisWorkers workers;
    @Inject
    Pool database;
    @Inject
    ScanRepository scans;

    @Test
    void aStoredScanIsAnalysedAndItsFindingReachesItsInspection() throws Exception {
        SimulatedScan simulated = new ScanSimulator(SimulationOptions.defaults().withModality(ModalityChoice.XRAY).withScale(0.5)
                .withThreatRate(1).withEmptyRate(0)).simulate(31_337, 0);
        byte[] payload = simulated.rawPayload();
        String scanId = TestScans.newScanId();
        String inspectionId = UUID.randomUUID().toString();
        upload(TestScans.header(scanId, simulated.width(), simulated.height(), TestScans.sha256(payload))
                .setAirValue(simulated.i0()).setInspectionId(inspectionId).build(), payload);

        JsonPath analysis = awaitStatus(scanId, "ANALYSED");
        assertEquals(shippedModelVersion(), analysis.getString("modelVersion"));
        double threat = analysis.getDouble("threatScore");
        assertTrue(threat >= 0 && threat <= 1, "threat score " + threat);
        double empty = analysis.getDouble("emptyScore");
        assertTrue(empty < 0.5, "a loaded container is not verified empty: " + empty);
        List<Map<String, Object>> regions = analysis.getList("regions");
        for (Map<String, Object> region : regions) {
            assertTrue(number(region, "x") >= 0 && number(region, "y") >= 0
                    && number(region, "x") + number(region, "width") <= simulated.width()
                    && number(region, "y") + number(region, "height") <= simulated.height(), region + " leaves the scan");
            assertTrue(region.containsKey("threatClass"), "every region says its threat class, null when unknown: " + region);
            assertTrue(region.get("threatClass") == null || THREAT_CLASSES.contains(region.get("threatClass")),
                    "a threat class by its wire name: " + region);
        }
        assertTrue(analysis.getDouble("timings.threatMillis") > 0 && analysis.getDouble("timings.preprocessMillis") > 0);
        assertEquals(simulated.width() * simulated.height() / 1e6, analysis.getDouble("timings.megapixels"), 1e-3);
        assertTrue(analysis.getDouble("timings.millisPerMegapixel") > 0);

        int renditionWidth = analysis.getInt("rendition.width");
        assertEquals(Math.min(2048, simulated.width()), renditionWidth);
        BufferedImage plain = png(analysis.getString("rendition.href"));
        BufferedImage overlay = png(analysis.getString("rendition.overlayHref"));
        assertEquals(renditionWidth, plain.getWidth());
        assertEquals(analysis.getInt("rendition.height"), plain.getHeight());
        assertEquals(plain.getWidth(), overlay.getWidth());
        assertEquals(!regions.isEmpty(), differ(plain, overlay), "the overlay differs from the plain rendition exactly when there are regions");

        String delivered = awaitRecorded(scanId, "201 /api/v1/inspections/" + inspectionId + "/scan-findings");
        java.util.regex.Matcher bearer = java.util.regex.Pattern.compile("Bearer (\\S+)").matcher(delivered);
        assertTrue(bearer.find(), "a bearer token: " + delivered);
        assertEquals(List.of(Roles.SCAN_ANALYSIS_SERVICE), TestTokens.rolesOf(bearer.group(1)), "sent as scan-analysis-service");
        JsonPath finding = JsonPath.from(delivered.substring(delivered.indexOf('{')));
        assertEquals("MSCU1234566", finding.getString("containerNumber"));
        assertEquals(renditionWidth, finding.getInt("imageWidth"), "regions travel in the rendition's pixels");
        assertEquals(regions.size(), finding.getList("regions").size());
        assertEquals(regions.stream().map(region -> region.get("threatClass")).toList(), finding.getList("regions.threatClass"),
                "each region's threat class, as stored and shown, travels with the finding");
        assertEquals(regions.stream().map(region -> "Suspect region").toList(), finding.getList("regions.label"), "the label stays");
        assertEquals(threat, finding.getDouble("threatScore"), 1e-9);
        awaitTrue(() -> "DELIVERED".equals(analysis(scanId).getString("findings")), "the finding is marked delivered");
    }

    @Test
    void aFindingForAnUnknownInspectionGoesByContainerAfterTheFailuresPass() throws Exception {
        String scanId = TestScans.newScanId();
        standIn("POST", "/control/fail?scan=" + scanId + "&times=2");
        byte[] payload = TestScans.pattern(800, 200);
        upload(TestScans.header(scanId, 800, 200, TestScans.sha256(payload)).setInspectionId(InspectionStandIn.UNKNOWN_INSPECTION).build(),
                payload);

        awaitStatus(scanId, "ANALYSED");
        awaitRecorded(scanId, "201 /api/v1/scan-findings");
        List<String> attempts = recordedFor(scanId);
        assertEquals(List.of("503", "503", "404", "201"), attempts.stream().map(line -> line.substring(0, 3)).toList(),
                "two failures, the unknown inspection, then by container: " + attempts);
    }

    @Test
    void aScanTooNarrowForTheModelsFailsWithTheReason() throws Exception {
        String scanId = TestScans.newScanId();
        byte[] payload = TestScans.pattern(40, 400);
        upload(TestScans.headerFor(scanId, 40, 400, payload), payload);

        JsonPath failed = awaitStatus(scanId, "FAILED");
        assertTrue(failed.getString("error").contains("at least 100 columns are needed for 400 rows"), failed.getString("error"));
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}/analysis/rendition", scanId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("FAILED"));
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}/analysis", "NO-SUCH-SCAN").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void whenOverloadedReadinessSaysSoAndScansWaitUntilWorkersAreFree() throws Exception {
        String firstId = TestScans.newScanId();
        byte[] payload = TestScans.pattern(4000, 1000);
        upload(TestScans.headerFor(firstId, 4000, 1000, payload), payload);
        awaitStatus(firstId, "ANALYSED");
        ScanRecord first = scans.find(firstId).orElseThrow();
        List<String> waiting = new java.util.ArrayList<>();
        // max-backlog is 400, well above what the module's other tests leave queued (it applies to all of them)
        for (int i = 0; i < 405; i++) {
            String id = TestScans.newScanId();
            waiting.add(id);
            scans.insertIfAbsent(new ScanRecord(id, first.scannerId(), first.site(), first.modality(), first.sourceEnergyMev(), first.isotope(),
                    first.energyChannels(), first.width(), first.height(), first.bitsPerPixel(), first.pixelPitchMm(), first.airValue(),
                    first.containerNumbers(), first.conveyance(), null, first.acquiredAt(), first.totalBytes(), first.payloadSha256(),
                    org.opencustoms.scan.catalog.ScanStatus.QUEUED, first.receivedAt()));
        }
        workers.dispatch();

        Response ready = given().get("/q/health/ready");
        ready.then().statusCode(200).body("checks.find { it.name == 'scan-analysis' }.data.saturated", equalTo(true))
                .body("checks.find { it.name == 'scan-analysis' }.data.admittingNewScans", equalTo(false));
        JsonPath state = ready.jsonPath();
        assertEquals(1, state.getInt("checks.find { it.name == 'scan-analysis' }.data.workers"));
        assertTrue(state.getLong("checks.find { it.name == 'scan-analysis' }.data.backlog") >= 400, "the backlog reached max-backlog");
        given().get("/q/metrics").then().statusCode(200).body(containsString("scan_analysis_saturated"));

        String refusedId = TestScans.newScanId();
        org.opencustoms.scan.client.ScanUploadException refused = assertThrows(org.opencustoms.scan.client.ScanUploadException.class,
                () -> uploadOnce(TestScans.headerFor(refusedId, 4000, 1000, payload), payload), "a new upload is refused while the backlog is full");
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.status().getCode());
        StatusRuntimeException answer = (StatusRuntimeException) refused.getCause();
        assertTrue(answer.getTrailers() != null && answer.getTrailers().get(org.opencustoms.proto.scan.v1.RetryPushback.KEY) != null,
                "with a pushback saying when to come back");

        // the stand-in scans nobody claimed yet leave the queue, rather than taking the worker many minutes
        database.preparedQuery("delete from scan_analysis.scan where scan_id = any($1) and status = 'QUEUED'")
                .execute(Tuple.of(waiting.toArray(String[]::new))).await().indefinitely();
        awaitTrue(() -> {
            workers.dispatch();
            return given().get("/q/health/ready").jsonPath().getBoolean("checks.find { it.name == 'scan-analysis' }.data.admittingNewScans");
        }, "admitting again once the backlog is down");
        uploadOnce(TestScans.headerFor(refusedId, 4000, 1000, payload), payload);
        awaitStatus(refusedId, "ANALYSED");
    }

    /** One attempt, no retries: what a scanner's first try is answered. */
    private static void uploadOnce(ScanHeader header, byte[] payload) throws Exception {
        try (ReconnectingChannel channel = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
            new ScanUploader(channel, new org.opencustoms.scan.client.RetryPolicy(1, java.time.Duration.ZERO, java.time.Duration.ZERO),
                    org.opencustoms.scan.client.ScanUploader.DEFAULT_CHUNK_BYTES, org.opencustoms.scan.client.UploadListener.NONE).upload(header, PayloadSource.ofBytes(payload));
        }
    }

    private static void upload(ScanHeader header, byte[] payload) throws Exception {
        try (ReconnectingChannel channel = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
            new ScanUploader(channel).upload(header, PayloadSource.ofBytes(payload));
        }
    }

    private static JsonPath analysis(String scanId) {
        return TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}/analysis", scanId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitStatus(String scanId, String status) {
        return polling("scan " + scanId + " to be " + status)
                .until(() -> new PolledAnalysis(analysis(scanId)), analysis -> status.equals(analysis.status())).json();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        polling(what).until(condition::getAsBoolean);
    }

    private static String awaitRecorded(String scanId, String prefix) {
        List<String> recorded = polling("inspection-service to get '" + prefix + "' for " + scanId)
                .until(() -> recordedFor(scanId), lines -> lines.stream().anyMatch(line -> line.startsWith(prefix + " ")));
        return recorded.stream().filter(line -> line.startsWith(prefix + " ")).findFirst().orElseThrow();
    }

    /** Checks at once, then every 200 ms for PATIENCE, on the test's thread; a timeout names what was awaited. */
    private static ConditionFactory polling(String what) {
        return await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .pollInSameThread().dontCatchUncaughtExceptions();
    }

    /** An analysis as polled; a timeout reports its status and error. */
    private record PolledAnalysis(JsonPath json) {

        String status() {
            return json.getString("status");
        }

        @Override
        public String toString() {
            return "still " + json.getString("status") + " (" + json.getString("error") + ")";
        }
    }

    private static List<String> recordedFor(String scanId) throws Exception {
        return Arrays.stream(standIn("GET", "/recorded").split("\n")).filter(line -> line.replace(" ", "").contains("\"scanId\":\"" + scanId + "\"")).toList();
    }

    private static String standIn(String method, String path) throws Exception {
        String base = ConfigProvider.getConfig().getValue("scan.findings.inspection-url", String.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int number(Map<String, Object> region, String key) {
        return ((Number) region.get(key)).intValue();
    }

    private static BufferedImage png(String href) throws Exception {
        byte[] bytes = TestTokens.as(Roles.SUPERVISOR).get(href).then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, href + " is not a PNG");
        return image;
    }

    private static boolean differ(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int gray = a.getRaster().getSample(x, y, 0);
                int rgb = b.getRGB(x, y);
                if (((rgb >> 16) & 0xff) != gray || ((rgb >> 8) & 0xff) != gray || (rgb & 0xff) != gray) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String shippedModelVersion() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(Files.readAllBytes(Path.of("../scan-models/models/scan/threat-detector-0000.params")));
        digest.update(Files.readAllBytes(Path.of("../scan-models/models/scan/empty-verifier-0000.params")));
        digest.update(Files.readAllBytes(Path.of("../scan-models/models/scan/detector.json")));
        return "scan-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}
