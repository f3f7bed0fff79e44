package org.opencustoms.selection.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;
import org.opencustoms.selection.Actors;
import org.opencustoms.selection.isf.IsfFixtures;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ChangeApiTest {

    @Test
    void supervisorsSeeWhoFiledAmendedAndWithdrew() {
        String subject = "broker-" + System.nanoTime();
        String filer = TestTokens.of(Roles.IMPORTER, subject, List.of(), "PARTY-CHANGES");
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> filing = IsfFixtures.isf10();
        String location = TestTokens.bearer(filer).contentType(ContentType.JSON).body(filing).post(IsfFixtures.FILINGS)
                .then().statusCode(201).extract().header("Location");
        TestTokens.bearer(filer).contentType(ContentType.JSON).body(filing).put(location).then().statusCode(200);
        TestTokens.bearer(filer).delete(location).then().statusCode(200);
        String filingId = location.substring(location.lastIndexOf('/') + 1);

        Actors.as(Roles.SUPERVISOR).queryParam("subject", subject).queryParam("from", before.toString())
                .get("/api/v1/admin/changes").then().statusCode(200)
                .body("kind", contains("WITHDRAWN", "AMENDED", "FILED"))
                .body("target", everyItem(equalTo(filingId)))
                .body("role", everyItem(equalTo("importer")));
        Actors.as(Roles.AUDITOR).queryParam("subject", subject).queryParam("kind", "AMENDED")
                .get("/api/v1/admin/changes").then().statusCode(200).body("detail", contains("version 2"));
        Actors.as(Roles.AUDITOR).queryParam("subject", subject).queryParam("to", before.toString())
                .get("/api/v1/admin/changes").then().statusCode(200).body("$", empty());
        Actors.as(Roles.SUPERVISOR).queryParam("kind", "STOLEN").get("/api/v1/admin/changes").then().statusCode(422)
                .body("violations.field", hasItem("kind"));
    }
}
