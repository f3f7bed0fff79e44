package org.opencustoms.selection.decision;

import org.opencustoms.selection.Actors;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.opencustoms.selection.isf.IsfFixtures;
import org.opencustoms.selection.log.CommitmentEnvelope;
import org.opencustoms.selection.log.LogSigner;
import org.opencustoms.selection.log.MerkleTree;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DecisionApiTest {

    static JsonPath decisionOf(String filingLocation) {
        return Actors.as(Roles.AUDITOR)
                .when().get(filingLocation + "/decision").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyAcceptedFilingGetsAnExplainedDecisionThatTheSignedLogIncludes() throws Exception {
        Map<String, Object> filing = IsfFixtures.isf10();
        IsfFixtures.with(filing, "commodityLines[0].countryOfOrigin", "IR");
        IsfFixtures.with(filing, "seller.name", "Golden Crescent General Trading LLC");
        // an importer no other test has filed for, whatever ran before
        IsfFixtures.with(filing, "importerOfRecordNumber", String.format("%02d-%07d",
                java.util.concurrent.ThreadLocalRandom.current().nextInt(10, 99), java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000)));
        String location = IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");

        JsonPath logged = decisionOf(location);
        assertEquals(1, logged.getInt("decision.filingVersion"));
        assertTrue(logged.getDouble("decision.riskScore") >= 0.85, "sanctioned origin and a watch-listed seller score high");
        assertEquals("PHYSICAL_EXAM", logged.getString("decision.lane"));
        assertTrue(logged.getBoolean("decision.pickedByRisk"));
        assertEquals(1.0, logged.getDouble("decision.pickProbability"));
        List<String> rules = logged.getList("decision.reasons.id");
        assertTrue(rules.containsAll(List.of("origin-of-concern", "watch-listed-party", "first-time-party")), rules.toString());
        assertEquals("none", logged.getString("decision.modelVersion"));

        // the inclusion proof verifies against the signed tree head, and the signature against the published key
        byte[] leaf = Base64.getDecoder().decode(logged.getString("inclusionProof.leafHash"));
        List<byte[]> path = logged.<String>getList("inclusionProof.auditPath").stream().map(Base64.getDecoder()::decode).toList();
        byte[] root = Base64.getDecoder().decode(logged.getString("treeHead.rootHash"));
        long size = logged.getLong("treeHead.treeSize");
        assertTrue(MerkleTree.verifyInclusion(logged.getLong("logIndex"), size, leaf, path, root));

        // the public leaf is an envelope committing to the disclosable decision, which the supervisor's view opens
        String envelope = given().get("/api/v1/audit/log/entries/" + logged.getLong("logIndex")).then().statusCode(200)
                .body("format", equalTo(2)).extract().path("envelope");
        assertEquals(envelope, logged.getString("envelope"));
        assertTrue(java.util.Arrays.equals(leaf, MerkleTree.leafHash(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        io.restassured.path.json.JsonPath published = new io.restassured.path.json.JsonPath(envelope);
        assertEquals(logged.getLong("logIndex"), published.getLong("index"));
        assertEquals(logged.getString("decision.randomPeriod"), published.getString("period"));
        org.junit.jupiter.api.Assertions.assertNull(published.get("lane"), "the leaf names no lane");
        assertTrue(logged.getString("decision.reasons.text").contains("Golden Crescent"), "supervisors see what matched");
        assertTrue(!logged.getString("disclosed").contains("Golden Crescent"), "what may be disclosed never names a watch-listed party");
        byte[] disclosed = logged.getString("disclosed").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(published.getString("commitment"), CommitmentEnvelope.commitment(
                Base64.getDecoder().decode(logged.getString("salt")), disclosed));
        assertEquals(new io.restassured.path.json.JsonPath(logged.getString("disclosed")).getString("intelligenceCommitment"),
                DisclosedDecision.intelligenceCommitment(detailedReasons(location),
                        Base64.getDecoder().decode(logged.getString("intelligenceSalt"))),
                "the detailed reasons are bound by the intelligence commitment");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(
                given().get("/api/v1/audit/log/public-key").then().statusCode(200).extract().<String>path("publicKey"))));
        byte[] signed = LogSigner.signedData(size, root, logged.getLong("treeHead.timestampMillis"));
        assertTrue(LogSigner.verify(key, signed, Base64.getDecoder().decode(logged.getString("treeHead.signature"))));
    }

    private static List<Reason> detailedReasons(String location) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String body = Actors.as(Roles.SUPERVISOR).get(location + "/decision").then().statusCode(200).extract().asString();
        return json.convertValue(json.readTree(body).path("decision").path("reasons"),
                new com.fasterxml.jackson.core.type.TypeReference<List<Reason>>() { });
    }

    @Test
    void anAmendmentGetsANewDecisionThatSupersedesTheOld() {
        Map<String, Object> filing = IsfFixtures.isf10();
        String location = IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
        JsonPath first = decisionOf(location);

        Actors.importer().contentType(ContentType.JSON).body(filing).when().put(location).then().statusCode(200);
        JsonPath second = decisionOf(location);
        assertEquals(2, second.getInt("decision.filingVersion"));
        assertEquals(first.getString("decision.id"), second.getString("decision.supersedes"));
        assertTrue(second.getLong("logIndex") > first.getLong("logIndex"));
        assertEquals(first.getString("decision.randomDraw"), second.getString("decision.randomDraw"),
                "an amendment cannot redraw the random pick");

        Actors.as(Roles.AUDITOR).when().get("/api/v1/decisions/" + first.getString("decision.id"))
                .then().statusCode(200).body("decision.filingVersion", equalTo(1));
    }

    @Test
    void decisionsAreForSupervisorsAndAuditorsOnlyAndTheFilerIsNotTold() {
        String location = IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201)
                .body("decision", org.hamcrest.Matchers.nullValue())
                .body("lane", org.hamcrest.Matchers.nullValue())
                .extract().header("Location");
        given().when().get(location + "/decision").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        TestTokens.bearer(TestTokens.foreign(Roles.AUDITOR)).when().get(location + "/decision").then().statusCode(401)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/invalid-token"));
        TestTokens.bearer(TestTokens.expired(Roles.AUDITOR)).when().get(location + "/decision").then().statusCode(401);
        // the filer itself never sees the decision
        Actors.importer().when().get(location + "/decision").then().statusCode(403);
    }

    @Test
    void seedsAreCommittedAheadAndNotRevealedEarly() {
        IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201);
        String today = org.opencustoms.selection.random.Periods.of(java.time.Instant.now());
        String tomorrow = org.opencustoms.selection.random.Periods.next(today, 1);
        given().get("/api/v1/audit/seeds").then().statusCode(200)
                .body("period", hasItem(today))
                .body("period", hasItem(tomorrow))
                .body("find { it.period == '" + today + "' }.revealed", equalTo(false))
                .body("find { it.period == '" + today + "' }.seedHex", org.hamcrest.Matchers.nullValue())
                .body("find { it.period == '" + today + "' }.commitment", notNullValue());
        given().get("/api/v1/audit/random-draws/" + today + "/verify").then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/period-embargoed"));
        // not even auditors learn the seed of a period still open: it would tell which shipments yet to be filed get picked
        Actors.as(Roles.AUDITOR).get("/api/v1/audit/seeds/" + today).then().statusCode(200).body("seedHex", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/audit/random-draws/not-a-day/verify").then().statusCode(400);
    }

    @Test
    void analystsPublishNewRuleSetVersionsThatDecisionsRecord() {
        String yaml = """
                name: test-rules
                rules:
                  - id: everything-from-vietnam
                    when: {fact: countriesOfOrigin, anyOf: [VN]}
                    weight: 3
                    reason: "Origin {value} is under a temporary operation"
                """;
        Actors.as(Roles.AUDITOR).contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/api/v1/admin/rule-sets").then().statusCode(403).contentType("application/problem+json");
        Actors.as(Roles.ANALYST).contentType("application/yaml").body("name: broken\nrules: []".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/api/v1/admin/rule-sets").then().statusCode(422).contentType("application/problem+json");
        int version = Actors.as(Roles.ANALYST).contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().put("/api/v1/admin/rule-sets").then().statusCode(200).extract().path("version");
        try {
            Map<String, Object> filing = IsfFixtures.isf10();
            IsfFixtures.with(filing, "commodityLines[0].countryOfOrigin", "VN");
            String location = IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
            JsonPath decision = decisionOf(location);
            assertEquals(version, decision.getInt("decision.ruleSetVersion"));
            assertEquals("Origin VN is under a temporary operation", decision.getString("decision.reasons[0].text"));
        } finally {
            // put the shipped rules back in force for the other tests
            String shipped = new String(readShipped());
            Actors.as(Roles.ANALYST).contentType("application/yaml").body(shipped.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .when().put("/api/v1/admin/rule-sets").then().statusCode(200);
        }
    }

    private static byte[] readShipped() {
        try (var in = DecisionApiTest.class.getResourceAsStream("/rules/default-rules.yaml")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
