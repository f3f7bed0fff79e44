package org.opencustoms.scan.api;

import org.opencustoms.scan.ingest.TestPki;

import org.opencustoms.common.identity.Roles;

import org.opencustoms.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.PostgresTestResource;
import org.opencustoms.scan.client.PayloadSource;
import org.opencustoms.scan.client.ReconnectingChannel;
import org.opencustoms.scan.client.ScanUploader;
import org.opencustoms.scan.ingest.GrpcTestPortResource;
import org.opencustoms.scan.ingest.IngestTestSupport;
import org.opencustoms.scan.ingest.TestScans;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a tablet or an analyst reads about a stored scan: its metadata and a display image. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GrpcTestPortResource.class)
class ScanResourceTest {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 200;

    private String scanId;
    private byte[] payload;

    @BeforeEach
    void storeAScan() throws Exception {
        scanId = TestScans.newScanId();
        payload = TestScans.pattern(WIDTH, HEIGHT);
        try (ReconnectingChannel channel = new ReconnectingChannel(IngestTestSupport.target(), TestPki.scannerCredentials())) {
            new ScanUploader(channel).upload(TestScans.headerFor(scanId, WIDTH, HEIGHT, payload), PayloadSource.ofBytes(payload));
        }
    }

    @Test
    void metadataDescribesTheStoredScan() {
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", scanId).then().statusCode(200)
                .body("scanId", equalTo(scanId))
                .body("modality", equalTo("XRAY"))
                .body("sourceEnergyMev", equalTo(6.0f))
                .body("width", equalTo(WIDTH))
                .body("height", equalTo(HEIGHT))
                .body("containerNumbers", contains("MSCU1234566"))
                .body("totalBytes", equalTo(payload.length))
                .body("payloadSha256", equalTo(HexFormat.of().formatHex(TestScans.sha256(payload))))
                .body("status", oneOf("QUEUED", "ANALYSING", "ANALYSED"));
    }

    @Test
    void theImageIsAnEightBitRenditionWithAirWhiteAndCargoDark() throws Exception {
        Response response = TestTokens.as(Roles.SUPERVISOR).queryParam("width", 200).get("/api/v1/scans/{id}/image", scanId);
        response.then().statusCode(200).contentType("image/png");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.asByteArray()));
        assertEquals(200, image.getWidth());
        assertEquals(50, image.getHeight(), "downscaled by the same factor in both directions");
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        int air = image.getRaster().getSample(10, 25, 0);
        int cargo = image.getRaster().getSample(190, 25, 0);
        assertEquals(255, air, "open beam is white");
        assertTrue(cargo < 40, "the densest part is dark, was " + cargo);
    }

    @Test
    void anUnchangedImageIsNotSentAgain() {
        String tag = TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}/image", scanId).then().statusCode(200).extract().header("ETag");

        TestTokens.as(Roles.SUPERVISOR).header("If-None-Match", tag).get("/api/v1/scans/{id}/image", scanId).then().statusCode(304);
    }

    @Test
    void badImageRequestsAreProblems() {
        TestTokens.as(Roles.SUPERVISOR).queryParam("width", 5).get("/api/v1/scans/{id}/image", scanId).then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("width"));
        TestTokens.as(Roles.SUPERVISOR).queryParam("channel", "low").get("/api/v1/scans/{id}/image", scanId).then().statusCode(422)
                .body("violations[0].message", startsWith("this scan has a single energy channel"));
    }

    @Test
    void anUnknownScanIsNotFound() {
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}", "NO-SUCH-SCAN").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        TestTokens.as(Roles.SUPERVISOR).get("/api/v1/scans/{id}/image", "NO-SUCH-SCAN").then().statusCode(404);
    }
}
