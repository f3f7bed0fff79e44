package org.opencustoms.selection.disclosure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;
import org.opencustoms.selection.Actors;
import org.opencustoms.selection.isf.IsfFixtures;
import org.opencustoms.selection.log.LogSigner;
import org.opencustoms.selection.log.MerkleTree;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The importer's "why was I inspected": nothing while the shipment can still be warned, its own decision with salt
 * and proof once it is closed, checked here from the raw bytes; another importer learns nothing, not even that the
 * filing exists.
 */
@QuarkusTest
class OwnDecisionDisclosureTest {

    private static final String DISCLOSED = "/decision/disclosed";

    @Inject
    Pool database;

    @Test
    void anInspectedShipmentsDecisionReachesItsImporterOnlyOnceTheInspectionIsClosed() throws Exception {
        Map<String, Object> filing = IsfFixtures.isf10();
        IsfFixtures.with(filing, "seller.name", "Golden Crescent General Trading LLC");
        String location = IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
        JsonPath decision = Actors.as(Roles.AUDITOR).get(location + "/decision").then().statusCode(200).extract().jsonPath();
        assertEquals("PHYSICAL_EXAM", decision.getString("decision.lane"));

        notYet(location);
        TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "IMP-99-0000001")).get(location + DISCLOSED).then().statusCode(404);
        // a release by the carrier does not open an inspected shipment's decision: only the closed inspection does
        ShipmentEvents.release(filing, Actors.carrier());
        notYet(location);

        ShipmentEvents.outcome(decision.getString("decision.id"), true);
        JsonPath own = Actors.importer().get(location + DISCLOSED).then().statusCode(200).extract().jsonPath();
        checkAgainstTheLog(own);
        assertEquals("PHYSICAL_EXAM", own.getString("decision.lane"));
        assertFalse(own.getString("content").contains("Golden Crescent"), "no watch-listed name reaches the importer");
        assertTrue(own.getList("decision.reasons.source").contains("RULE"));
        assertFalse(own.getList("decision.reasons.source").stream().filter("MODEL"::equals).count() > 1,
                "the model is named once, never by its feature weights");
        TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "IMP-99-0000001")).get(location + DISCLOSED).then().statusCode(404);

        // an amendment after the inspection is a new decision, closed by nothing yet: the importer cannot read its lane
        Map<String, Object> amended = new java.util.HashMap<>(filing);
        IsfFixtures.with(amended, "seller.name", "Shenzhen Bright Electronics Co. Ltd");
        Actors.importer().contentType(io.restassured.http.ContentType.JSON).body(amended).header("If-Match", "1")
                .put(location).then().statusCode(200);
        notYet(location);

        long recorded = database.preparedQuery("SELECT count(*) FROM selection.disclosure_record WHERE kind = 'DECISION' "
                        + "AND audience = 'importer' AND party = $1 AND reference = $2")
                .execute(Tuple.of(Actors.IMPORTER_PARTY, Long.toString(own.getLong("logIndex")))).await().indefinitely()
                .iterator().next().getLong(0);
        assertEquals(1, recorded, "the disclosure is on record");
    }

    @Test
    void aReleasedShipmentsDecisionReachesItsImporterOnceItsOwnCarrierReportsEveryContainerOut() throws Exception {
        Map<String, Object> filing = IsfFixtures.isf10();
        String location = IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
        String lane = Actors.as(Roles.AUDITOR).get(location + "/decision").then().statusCode(200).extract().path("decision.lane");
        if (ShipmentEvents.inspectionLane(lane)) {
            return; // picked at random: the other test covers inspected shipments
        }
        notYet(location);
        ShipmentEvents.release(filing, TestTokens.bearer(TestTokens.party(Roles.CARRIER, "MSCU")));
        notYet(location); // another carrier cannot release it
        ShipmentEvents.gateOutOnly(filing, Actors.carrier());
        notYet(location); // nor can containers leaving that never came off the filing's vessel
        ShipmentEvents.release(filing, Actors.carrier());
        checkAgainstTheLog(Actors.importer().get(location + DISCLOSED).then().statusCode(200).extract().jsonPath());
    }

    private static void notYet(String location) {
        Actors.importer().get(location + DISCLOSED).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/decision-not-disclosed"));
    }

    /** Recomputes the commitment, the leaf, the inclusion in the signed head and the head's signature from the bytes given. */
    private static void checkAgainstTheLog(JsonPath own) throws Exception {
        byte[] content = own.getString("content").getBytes(StandardCharsets.UTF_8);
        byte[] salt = Base64.getDecoder().decode(own.getString("salt"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        sha.update(content);
        JsonPath envelope = new JsonPath(own.getString("envelope"));
        assertEquals(envelope.getString("commitment"), HexFormat.of().formatHex(sha.digest()), "SHA-256(salt || content)");
        assertEquals(own.getLong("logIndex"), envelope.getLong("index"));

        MessageDigest leafSha = MessageDigest.getInstance("SHA-256");
        leafSha.update((byte) 0);
        byte[] leaf = leafSha.digest(own.getString("envelope").getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(leaf, Base64.getDecoder().decode(own.getString("inclusionProof.leafHash")));
        assertEquals(given().get("/api/v1/audit/log/entries/" + own.getLong("logIndex")).then().statusCode(200)
                .extract().path("envelope"), own.getString("envelope"), "the envelope is the public leaf");

        List<byte[]> path = own.<String>getList("inclusionProof.auditPath").stream().map(Base64.getDecoder()::decode).toList();
        byte[] root = Base64.getDecoder().decode(own.getString("treeHead.rootHash"));
        long size = own.getLong("treeHead.treeSize");
        assertTrue(MerkleTree.verifyInclusion(own.getLong("logIndex"), size, leaf, path, root), "included in the signed head");
        String keyId = own.getString("treeHead.keyId");
        String encoded = given().get("/api/v1/audit/log/keys").then().statusCode(200).extract()
                .path("find { it.keyId == '" + keyId + "' }.publicKey");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        assertTrue(LogSigner.verify(key, LogSigner.signedData(size, root, own.getLong("treeHead.timestampMillis")),
                Base64.getDecoder().decode(own.getString("treeHead.signature"))));
    }
}
