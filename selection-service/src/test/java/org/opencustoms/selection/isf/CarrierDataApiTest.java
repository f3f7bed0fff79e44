package org.opencustoms.selection.isf;

import org.opencustoms.selection.Actors;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CarrierDataApiTest {

    static Map<String, Object> stowPlan(String voyage, List<String> containers) {
        List<Map<String, Object>> positions = new java.util.ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            positions.add(Map.of("containerNumber", containers.get(i), "bay", 10 + 2 * i, "row", 1, "tier", 82));
        }
        return Map.of("carrierCode", "MAEU", "vessel", Map.of("name", "Maersk  Essen", "voyage", voyage), "positions", positions);
    }

    @Test
    void aFiledContainerMissingFromTheStowPlanIsFlaggedOnTheFiling() {
        String voyage = IsfFixtures.voyage();
        String onBoard = IsfFixtures.container();
        String missing = IsfFixtures.container();
        String unfiled = IsfFixtures.container();
        String location = IsfFilingApiTest.post(IsfFixtures.isf10("MAERSK ESSEN", voyage, List.of(onBoard, missing), IsfFixtures.inDays(5)))
                .then().statusCode(201).body("status", equalTo("ACCEPTED")).extract().header("Location");

        Actors.carrier().contentType(ContentType.JSON).body(stowPlan(voyage, List.of(onBoard, unfiled)))
                .when().post("/api/v1/stow-plans").then().statusCode(201)
                .body("filingsMatched", equalTo(1))
                .body("unfiledContainers", equalTo(List.of(unfiled)))
                .body("discrepancies", hasSize(1))
                .body("discrepancies[0].kind", equalTo("CONTAINER_NOT_ON_STOW_PLAN"));

        Actors.importer().when().get(location).then().statusCode(200)
                .body("compliance.discrepancies", hasSize(1))
                .body("compliance.discrepancies[0].kind", equalTo("CONTAINER_NOT_ON_STOW_PLAN"))
                .body("compliance.discrepancies[0].detail", containsString(missing));

        // a filing that arrives after the plan is checked against it at once
        IsfFilingApiTest.post(IsfFixtures.isf10("MAERSK ESSEN", voyage, List.of(IsfFixtures.container()), IsfFixtures.inDays(5)))
                .then().statusCode(201)
                .body("status", equalTo("ACCEPTED_WITH_WARNINGS"))
                .body("compliance.discrepancies[0].kind", equalTo("CONTAINER_NOT_ON_STOW_PLAN"));
    }

    @Test
    void aStatusMessageThatContradictsTheFilingIsFlagged() {
        Map<String, Object> filing = IsfFixtures.isf10();
        String container = ((List<?>) filing.get("containers")).get(0).toString();
        String location = IsfFilingApiTest.post(filing).then().statusCode(201).extract().header("Location");
        String loadedAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).toString();

        Actors.carrier().contentType(ContentType.JSON)
                .body(Map.of("containerNumber", container, "eventCode", "GATE_IN", "eventAt", loadedAt, "place", "CNYTN"))
                .when().post("/api/v1/container-status-messages").then().statusCode(201)
                .body("discrepancies", empty());
        Actors.carrier().contentType(ContentType.JSON)
                .body(Map.of("containerNumber", container, "eventCode", "LOADED", "eventAt", loadedAt, "place", "VNSGN",
                        "billOfLading", filing.get("masterBillOfLading")))
                .when().post("/api/v1/container-status-messages").then().statusCode(201)
                .body("matchedFilings", hasSize(1))
                .body("discrepancies[0].kind", equalTo("LOADED_AT_OTHER_PORT"));

        Actors.importer().when().get(location).then().statusCode(200)
                .body("compliance.discrepancies.kind", hasItem("LOADED_AT_OTHER_PORT"));
    }

    @Test
    void aCarrierSpeaksOnlyForItsOwnFilings() {
        Map<String, Object> filing = IsfFixtures.isf10();
        String container = ((List<?>) filing.get("containers")).get(0).toString();
        String location = IsfFilingApiTest.post(filing).then().statusCode(201).extract().header("Location");
        io.restassured.specification.RequestSpecification rival = org.opencustoms.testing.TestTokens.bearer(
                org.opencustoms.testing.TestTokens.party(org.opencustoms.common.identity.Roles.CARRIER, "MSCU"));

        rival.contentType(ContentType.JSON).body(stowPlan("V1", List.of(container)))
                .when().post("/api/v1/stow-plans").then().statusCode(403).body("detail", containsString("MSCU"));
        org.opencustoms.testing.TestTokens.bearer(org.opencustoms.testing.TestTokens.party(
                        org.opencustoms.common.identity.Roles.CARRIER, "MSCU")).contentType(ContentType.JSON)
                .body(Map.of("containerNumber", container, "eventCode", "LOADED", "eventAt",
                        OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(), "place", "VNSGN"))
                .when().post("/api/v1/container-status-messages").then().statusCode(201)
                .body("matchedFilings", empty()).body("discrepancies", empty());

        Actors.importer().get(location).then().statusCode(200).body("compliance.discrepancies", empty());
    }

    @Test
    void invalidCarrierDataIsRejectedNamingTheField() {
        Actors.carrier().contentType(ContentType.JSON).body(stowPlan("V1", List.of("MSCU0000000")))
                .when().post("/api/v1/stow-plans").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("positions[0].containerNumber"));
        Actors.carrier().contentType(ContentType.JSON)
                .body(Map.of("containerNumber", IsfFixtures.container(), "eventCode", "LOADED",
                        "eventAt", OffsetDateTime.now().plusDays(3).toString(), "place", "XX1"))
                .when().post("/api/v1/container-status-messages").then().statusCode(422)
                .body("violations.field", hasItem("eventAt"))
                .body("violations.field", hasItem("place"));
    }
}
