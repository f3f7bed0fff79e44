package org.opencustoms.selection.isf;

import org.opencustoms.selection.Actors;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencustoms.selection.isf.IsfFixtures.REMOVE;
import static org.opencustoms.selection.isf.IsfFixtures.with;

@QuarkusTest
class IsfFilingApiTest {

    static final String FILINGS = IsfFixtures.FILINGS;

    static Response post(Object body) {
        return IsfFixtures.post(body);
    }

    @Test
    void acceptsAValidIsf10AndReadsItBack() {
        Map<String, Object> filing = IsfFixtures.isf10();
        String location = post(filing).then().statusCode(201)
                .header("Location", containsString(FILINGS + "/"))
                .body("version", equalTo(1))
                .body("status", equalTo("ACCEPTED"))
                .extract().header("Location");

        Actors.importer().when().get(location).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("filing.type", equalTo("ISF_10"))
                .body("filing.masterBillOfLading", equalTo(filing.get("masterBillOfLading")))
                .body("filing.containers", equalTo(filing.get("containers")))
                .body("filing.commodityLines[0].htsNumber", equalTo("8471.30.0100"))
                .body("compliance.filedLate", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FROB", "IE", "TE"})
    void acceptsAnIsf5OfEachShipmentType(String shipmentType) {
        String location = post(IsfFixtures.isf5(shipmentType)).then().statusCode(201)
                .body("status", equalTo("ACCEPTED")).extract().header("Location");
        Actors.importer().when().get(location).then().statusCode(200)
                .body("filing.type", equalTo("ISF_5"))
                .body("filing.shipmentType", equalTo(shipmentType));
    }

    static Stream<Arguments> brokenIsf10() {
        return Stream.of(
                Arguments.of("type", REMOVE, "type"),
                Arguments.of("carrierCode", "maersk", "carrierCode"),
                Arguments.of("masterBillOfLading", "bl-1", "masterBillOfLading"),
                Arguments.of("vessel.voyage", REMOVE, "vessel.voyage"),
                Arguments.of("vessel.imoNumber", "9632178", "vessel.imoNumber"),
                Arguments.of("foreignPortOfLading", "SHANGHAI", "foreignPortOfLading"),
                Arguments.of("foreignPortOfLading", "USLAX", "foreignPortOfLading"),
                Arguments.of("portOfArrival", "CNSHA", "portOfArrival"),
                Arguments.of("estimatedLadingAt", REMOVE, "estimatedLadingAt"),
                Arguments.of("estimatedArrivalAt", IsfFixtures.inDays(1).toString(), "estimatedArrivalAt"),
                Arguments.of("containers", List.of(), "containers"),
                Arguments.of("containers[0]", "MSCU123456", "containers[0]"),
                Arguments.of("commodityLines", List.of(), "commodityLines"),
                Arguments.of("commodityLines[0].htsNumber", "84713", "commodityLines[0].htsNumber"),
                Arguments.of("commodityLines[0].htsNumber", "9900000000", "commodityLines[0].htsNumber"),
                Arguments.of("commodityLines[0].htsNumber", "7701000000", "commodityLines[0].htsNumber"),
                Arguments.of("commodityLines[0].countryOfOrigin", "XX", "commodityLines[0].countryOfOrigin"),
                Arguments.of("commodityLines[0].manufacturer", REMOVE, "commodityLines[0].manufacturer"),
                Arguments.of("commodityLines[0].grossWeightKg", -1, "commodityLines[0].grossWeightKg"),
                Arguments.of("seller", REMOVE, "seller"),
                Arguments.of("buyer.name", " ", "buyer.name"),
                Arguments.of("shipTo.address", REMOVE, "shipTo.address"),
                Arguments.of("seller.address.city", "", "seller.address.city"),
                Arguments.of("seller.address.countryCode", "CHN", "seller.address.countryCode"),
                Arguments.of("importerOfRecordNumber", "123", "importerOfRecordNumber"),
                Arguments.of("consigneeNumbers", List.of(), "consigneeNumbers"),
                Arguments.of("consigneeNumbers", List.of("12-3456789", "x"), "consigneeNumbers[1]"),
                Arguments.of("consolidator", Map.of("name", "No Address Ltd"), "consolidator.address"),
                Arguments.of("shipmentType", "FROB", "shipmentType"),
                Arguments.of("bookingParty", IsfFixtures.party("Forwarder", "DE"), "bookingParty"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("brokenIsf10")
    void rejectsEachBrokenRuleNamingTheField(String path, Object value, String field) {
        post(with(IsfFixtures.isf10(), path, value)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("violations.field", hasItem(field));
    }

    static Stream<Arguments> brokenIsf5() {
        return Stream.of(
                Arguments.of("shipmentType", REMOVE, "shipmentType"),
                Arguments.of("bookingParty", REMOVE, "bookingParty"),
                Arguments.of("foreignPortOfUnlading", "ROTTERDAM", "foreignPortOfUnlading"),
                Arguments.of("placeOfDelivery", REMOVE, "placeOfDelivery"),
                Arguments.of("seller", IsfFixtures.party("Seller", "CN"), "seller"),
                Arguments.of("commodityLines[0].htsNumber", "12", "commodityLines[0].htsNumber"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("brokenIsf5")
    void rejectsBrokenIsf5Rules(String path, Object value, String field) {
        post(with(IsfFixtures.isf5("IE"), path, value)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @Test
    void aContainerNumberWithAWrongCheckDigitIsRejected() {
        String valid = IsfFixtures.container();
        String wrong = valid.substring(0, 10) + (char) ('0' + (valid.charAt(10) - '0' + 1) % 10);
        post(with(IsfFixtures.isf10(), "containers[1]", wrong)).then().statusCode(422)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("containers[1]"))
                .body("violations[0].message", containsString("check digit"));
    }

    @Test
    void namesEveryOffendingFieldAtOnce() {
        Map<String, Object> filing = IsfFixtures.isf10();
        with(filing, "containers[0]", "ABC");
        with(filing, "commodityLines[0].countryOfOrigin", "ZZ");
        with(filing, "buyer", REMOVE);
        post(filing).then().statusCode(422)
                .body("violations.field", hasItems("containers[0]", "commodityLines[0].countryOfOrigin", "buyer"))
                .body("violations", hasSize(3));
    }

    @Test
    void unreadableInputIsA400Problem() {
        Actors.importer().contentType(ContentType.JSON).body("{\"type\": \"ISF_10\", ").when().post(FILINGS).then()
                .statusCode(400).contentType("application/problem+json").body("type", endsWith("malformed-json"));
        post(with(IsfFixtures.isf10(), "vesselColour", "blue")).then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("vesselColour"));
        post(with(IsfFixtures.isf10(), "estimatedLadingAt", "next tuesday")).then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("estimatedLadingAt"));
        post(with(IsfFixtures.isf10(), "containers", "MSCU1234565")).then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("containers"));
        post(with(IsfFixtures.isf10(), "type", "ISF_11")).then()
                .statusCode(400).body("detail", containsString("ISF_10"));
        Actors.importer().contentType(ContentType.JSON).when().post(FILINGS).then()
                .statusCode(400).contentType("application/problem+json");
        Actors.importer().contentType(ContentType.TEXT).body("hello").when().post(FILINGS).then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aFilingAfterTheDeadlineIsFlaggedLate() {
        Map<String, Object> filing = with(IsfFixtures.isf10(), "estimatedLadingAt", IsfFixtures.inHours(10).toString());
        post(filing).then().statusCode(201)
                .body("status", equalTo("ACCEPTED_WITH_WARNINGS"))
                .body("compliance.filedLate", equalTo(true))
                .body("warnings[0]", startsWith("filed after its deadline"));
    }

    @Test
    void missingItems9And10AreAWarningNotARejection() {
        Map<String, Object> filing = IsfFixtures.isf10();
        filing.remove("containerStuffingLocation");
        filing.remove("consolidator");
        String location = post(filing).then().statusCode(201)
                .body("status", equalTo("ACCEPTED_WITH_WARNINGS"))
                .body("compliance.stuffingItemsOutstanding", equalTo(true))
                .extract().header("Location");

        Actors.importer().contentType(ContentType.JSON).body(IsfFixtures.isf10()).header("If-Match", "1")
                .when().put(location).then().statusCode(200)
                .body("version", equalTo(2))
                .body("compliance.stuffingItemsOutstanding", equalTo(false))
                .body("compliance.stuffingItemsLate", equalTo(false));
    }

    @Test
    void amendmentsKeepTheHistory() {
        Map<String, Object> original = IsfFixtures.isf10();
        String location = post(original).then().statusCode(201).extract().header("Location");
        Map<String, Object> amended = with(IsfFixtures.isf10(), "commodityLines[0].htsNumber", "9403.60.8081");

        Actors.importer().contentType(ContentType.JSON).body(amended).when().put(location).then().statusCode(200)
                .header("ETag", containsString("2")).body("version", equalTo(2));

        Actors.importer().when().get(location).then().statusCode(200)
                .body("version", equalTo(2)).body("filing.commodityLines[0].htsNumber", equalTo("9403.60.8081"));
        Actors.importer().when().get(location + "/versions").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].version", equalTo(1))
                .body("[0].filing.commodityLines[0].htsNumber", equalTo("8471.30.0100"))
                .body("[0].filing.masterBillOfLading", equalTo(original.get("masterBillOfLading")))
                .body("[1].version", equalTo(2));
    }

    @Test
    void staleIfMatchTypeChangesAndWithdrawnFilingsAreRefused() {
        String location = post(IsfFixtures.isf10()).then().statusCode(201).extract().header("Location");
        Actors.importer().contentType(ContentType.JSON).body(IsfFixtures.isf10()).header("If-Match", "\"7\"")
                .when().put(location).then().statusCode(412).contentType("application/problem+json");
        Actors.importer().contentType(ContentType.JSON).body(IsfFixtures.isf5("FROB"))
                .when().put(location).then().statusCode(422).body("violations[0].field", equalTo("type"));

        Actors.importer().when().delete(location).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        Actors.importer().contentType(ContentType.JSON).body(IsfFixtures.isf10())
                .when().put(location).then().statusCode(409).contentType("application/problem+json");
        Actors.importer().when().get(location).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("version", equalTo(1)).body("filing.type", equalTo("ISF_10"));
    }

    @Test
    void anImporterSeesAndChangesOnlyItsOwnFilings() {
        Map<String, Object> filing = IsfFixtures.isf10();
        String container = ((List<?>) filing.get("containers")).get(0).toString();
        String location = post(filing).then().statusCode(201).extract().header("Location");
        io.restassured.specification.RequestSpecification rival = TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "RIVAL-99"));

        rival.get(location).then().statusCode(404).contentType("application/problem+json");
        TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "RIVAL-99")).get(location + "/versions").then().statusCode(404);
        TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "RIVAL-99")).contentType(ContentType.JSON).body(filing)
                .put(location).then().statusCode(404);
        TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "RIVAL-99")).delete(location).then().statusCode(404);
        TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "RIVAL-99")).queryParam("container", container).get(FILINGS)
                .then().statusCode(200).body("total", equalTo(0));
        // an importer's token without a party may not file at all
        TestTokens.bearer(TestTokens.of(Roles.IMPORTER)).contentType(ContentType.JSON).body(IsfFixtures.isf10()).post(FILINGS)
                .then().statusCode(403).body("type", endsWith("/no-party"));

        // the rival's attempts changed nothing; the owner and the supervisors still see the filing as filed
        Actors.importer().get(location).then().statusCode(200).body("status", equalTo("ACCEPTED")).body("currentVersion", equalTo(1));
        Actors.as(Roles.SUPERVISOR).get(location).then().statusCode(200);
        Actors.as(Roles.AUDITOR).queryParam("container", container).get(FILINGS).then().statusCode(200).body("total", equalTo(1));
        Actors.as(Roles.AUDITOR).contentType(ContentType.JSON).body(filing).put(location).then().statusCode(403);
    }

    @Test
    void aBodyOverTheLimitIsAProblemToo() {
        byte[] large = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        Actors.importer().contentType(ContentType.JSON).body(large).post(FILINGS).then().statusCode(413)
                .contentType("application/problem+json").body("type", endsWith("/body-too-large"));
    }

    @Test
    void idempotencyKeysBelongToTheirFiler() {
        String key = "shared-" + System.nanoTime();
        Map<String, Object> filing = IsfFixtures.isf10();
        String mine = Actors.importer().contentType(ContentType.JSON).header("Idempotency-Key", key).body(filing)
                .post(FILINGS).then().statusCode(201).extract().path("id");
        // the same key from another party is a new filing of its own, not a replay of ours
        String theirs = TestTokens.bearer(TestTokens.party(Roles.IMPORTER, "RIVAL-99")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(filing).post(FILINGS).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(mine, theirs);
    }

    @Test
    void aRetriedPostWithTheSameKeyReturnsTheFirstFiling() {
        Map<String, Object> filing = IsfFixtures.isf10();
        String key = "retry-" + System.nanoTime();
        String first = Actors.importer().contentType(ContentType.JSON).header("Idempotency-Key", key).body(filing)
                .when().post(FILINGS).then().statusCode(201).extract().path("id");
        String second = Actors.importer().contentType(ContentType.JSON).header("Idempotency-Key", key).body(filing)
                .when().post(FILINGS).then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);

        String container = ((List<?>) filing.get("containers")).get(0).toString();
        Actors.importer().queryParam("container", container).when().get(FILINGS).then().statusCode(200).body("total", equalTo(1));

        Actors.importer().contentType(ContentType.JSON).header("Idempotency-Key", key).body(IsfFixtures.isf10())
                .when().post(FILINGS).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void unknownFilingsAre404Problems() {
        Actors.importer().when().get(FILINGS + "/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType("application/problem+json");
        Actors.importer().when().get(FILINGS + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void searchFiltersByBillContainerStatusAndTime() {
        Map<String, Object> filing = IsfFixtures.isf10();
        String id = post(filing).then().statusCode(201).extract().path("id");
        String bill = filing.get("masterBillOfLading").toString();
        String house = ((List<?>) filing.get("houseBillsOfLading")).get(0).toString();

        Actors.importer().queryParam("billOfLading", bill).when().get(FILINGS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        Actors.importer().queryParam("billOfLading", house).when().get(FILINGS).then().body("items[0].id", equalTo(id));
        Actors.importer().queryParam("billOfLading", bill).queryParam("status", "WITHDRAWN").when().get(FILINGS).then().body("total", equalTo(0));
        Actors.importer().queryParam("billOfLading", bill).queryParam("filedTo", "2020-01-01T00:00:00Z").when().get(FILINGS).then()
                .body("total", equalTo(0));
        Actors.importer().queryParam("billOfLading", bill).queryParam("filedFrom", "2020-01-01T00:00:00Z").when().get(FILINGS).then()
                .body("total", equalTo(1));
        Actors.importer().queryParam("size", 1).when().get(FILINGS).then().statusCode(200).body("items", hasSize(1));
        Actors.importer().queryParam("size", 1000).when().get(FILINGS).then().statusCode(400).contentType("application/problem+json");
        Actors.importer().queryParam("filedFrom", "yesterday").when().get(FILINGS).then().statusCode(400);
    }
}
