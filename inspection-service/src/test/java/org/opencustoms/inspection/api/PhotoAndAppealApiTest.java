package org.opencustoms.inspection.api;

import org.opencustoms.testing.TestTokens;
import org.opencustoms.common.identity.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.inspection.PeerStandIn;
import org.opencustoms.testing.PostgresTestResource;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.opencustoms.common.files.OrphanSweep;
import org.opencustoms.inspection.photo.PhotoOrphanSweeper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencustoms.inspection.Fixtures.as;
import static org.opencustoms.inspection.Fixtures.claimedTask;
import static org.opencustoms.inspection.Fixtures.etag;
import static org.opencustoms.inspection.Fixtures.narcoticsFound;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PeerStandIn.class)
class PhotoAndAppealApiTest {

    @Inject
    PhotoOrphanSweeper sweeper;

    @Test
    void photosAreImagesOnlyStoredByContentAndUsableInAnOutcome() throws Exception {
        String id = claimedTask("inspector1");
        byte[] png = png();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));

        upload(id, "seal.png", "image/png", png).then().statusCode(201).body("id", equalTo(sha256)).body("contentType", equalTo("image/png"));
        upload(id, "again.png", "image/png", png).then().statusCode(201).body("id", equalTo(sha256));
        upload(id, "notes.png", "image/png", "just text, not a picture".getBytes()).then().statusCode(415)
                .body("type", org.hamcrest.Matchers.endsWith("not-an-image"));
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(png, 0, huge, 0, png.length);
        upload(id, "huge.png", "image/png", huge).then().statusCode(413).contentType("application/problem+json");
        // a small file that claims a 10-gigapixel image is refused from its header, before anything decodes it
        upload(id, "bomb.png", "image/png", org.opencustoms.inspection.photo.ImageDimensionsTest.png(100_000, 100_000)).then()
                .statusCode(422).body("type", org.hamcrest.Matchers.endsWith("photo-too-many-pixels"));

        Map<String, Object> outcome = new HashMap<>(narcoticsFound());
        outcome.put("photoIds", List.of(sha256));
        as("inspector1").header("If-Match", etag("inspector1", id)).body(outcome).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(200).body("outcome.photoIds[0]", equalTo(sha256));
        TestTokens.bearer(org.opencustoms.inspection.Fixtures.token("inspector1")).get("/api/v1/inspections/{id}/photos/{sha}", id, sha256)
                .then().statusCode(200).contentType("image/png");
    }

    @Test
    void photoFilesNoRowRefersToAreSweptAndTheOthersStay() throws Exception {
        String id = claimedTask("inspector1");
        byte[] png = png();
        String kept = upload(id, "kept.png", "image/png", png).then().statusCode(201).extract().path("id");
        Path photos = Path.of(ConfigProvider.getConfig().getValue("inspection.photos.directory", String.class));
        String orphanSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("written, then the row failed".getBytes()));
        Path orphan = Files.createDirectories(photos.resolve(orphanSha.substring(0, 2))).resolve(orphanSha);
        Files.write(orphan, png);
        Path unfinished = Files.createTempFile(orphan.getParent(), orphanSha, ".tmp");

        sweeper.sweep(Instant.now());
        assertTrue(Files.exists(orphan) && Files.exists(unfinished), "not swept within the grace period: the row may be about to commit");
        // only this test's files age: another test's upload may be between its file and its row
        Path keptFile = photos.resolve(kept.substring(0, 2)).resolve(kept);
        for (Path file : List.of(orphan, unfinished, keptFile)) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        }
        OrphanSweep.Swept swept = sweeper.sweep(Instant.now());

        assertTrue(swept.objects() >= 1 && swept.temporaryFiles() >= 1, "swept " + swept);
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(unfinished));
        TestTokens.bearer(org.opencustoms.inspection.Fixtures.token("inspector1")).get("/api/v1/inspections/{id}/photos/{sha}", id, kept)
                .then().statusCode(200).contentType("image/png");
    }

    @Test
    void anAppealIsFiledAgainstAnOutcomeAndDecidedByASupervisor() {
        String id = claimedTask("inspector2");
        Map<String, Object> appeal = Map.of("grounds", "the goods were declared correctly");
        as("importer").body(appeal).post("/api/v1/inspections/{id}/appeals", id).then().statusCode(409);
        as("inspector2").header("If-Match", etag("inspector2", id)).body(narcoticsFound()).put("/api/v1/inspections/{id}/outcome", id)
                .then().statusCode(200);

        // the appellant is the party in the importer's token: another party's inspection is not found, a free-text one refused
        TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "OTHER-PARTY")).contentType("application/json").body(appeal)
                .post("/api/v1/inspections/{id}/appeals", id).then().statusCode(404);
        as("importer").body(Map.of("appellant", "ACME Imports LLC", "grounds", "x")).post("/api/v1/inspections/{id}/appeals", id)
                .then().statusCode(422).body("violations.field", org.hamcrest.Matchers.hasItem("appellant"));
        String appealId = as("importer").body(appeal).post("/api/v1/inspections/{id}/appeals", id).then().statusCode(201)
                .body("status", equalTo("OPEN")).body("outcomeVersion", equalTo(1))
                .body("appellant", equalTo(org.opencustoms.inspection.Fixtures.IMPORTER_PARTY))
                .body("filedBy", equalTo("importer-" + org.opencustoms.inspection.Fixtures.IMPORTER_PARTY.toLowerCase()))
                .extract().path("id");
        as("inspector2").body(Map.of("decision", "OVERTURNED", "reasoning", "x"))
                .post("/api/v1/inspections/{id}/appeals/{a}/decision", id, appealId).then().statusCode(403);
        as("supervisor").body(Map.of("decision", "UPHELD", "reasoning", "lab confirmed the substance"))
                .post("/api/v1/inspections/{id}/appeals/{a}/decision", id, appealId).then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("decidedBy", equalTo("supervisor")).body("decidedAt", notNullValue());
        as("supervisor").body(Map.of("decision", "OVERTURNED", "reasoning", "changed my mind"))
                .post("/api/v1/inspections/{id}/appeals/{a}/decision", id, appealId).then().statusCode(409);

        as("inspector2").get("/api/v1/inspections/{id}/appeals", id).then().statusCode(200)
                .body("[0].reasoning", equalTo("lab confirmed the substance"));
        as("supervisor").get("/api/v1/kpis").then().statusCode(200)
                .body("appealsByStatus.UPHELD", greaterThanOrEqualTo(1))
                .body("hitRateByLane.NII_SCAN.hits", greaterThanOrEqualTo(1));
        as("inspector2").get("/api/v1/kpis").then().statusCode(403);
    }

    private static io.restassured.response.Response upload(String id, String name, String type, byte[] bytes) {
        return TestTokens.bearer(org.opencustoms.inspection.Fixtures.token("inspector1"))
                .multiPart("file", name, bytes, type).post("/api/v1/inspections/{id}/photos", id);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
