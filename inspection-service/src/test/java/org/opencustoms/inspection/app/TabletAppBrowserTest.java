package org.opencustoms.inspection.app;

import org.opencustoms.common.identity.Roles;

import org.opencustoms.testing.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencustoms.inspection.PeerStandIn;
import org.opencustoms.testing.PostgresTestResource;
import org.openqa.selenium.By;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.opencustoms.inspection.Fixtures.as;
import static org.opencustoms.inspection.Fixtures.containerNumber;
import static org.opencustoms.inspection.Fixtures.createTask;
import static org.opencustoms.inspection.Fixtures.finding;

/** The inspectors' tablet app in a real browser. Screenshots land in target/browser-screenshots/. */
@Tag("browser")
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PeerStandIn.class)
class TabletAppBrowserTest {

    @TestHTTPResource("/")
    URL app;

    @Test
    void anInspectorClaimsATaskConfirmsAFindingAndRecordsTheOutcome() throws Exception {
        String container = containerNumber();
        String taskId = createTask(container);
        String scanId = "SCAN-" + UUID.randomUUID();
        as("scan-analysis-service").body(finding(scanId, container)).post("/api/v1/inspections/{id}/scan-findings", taskId).then().statusCode(201);

        try (TabletBrowser tablet = new TabletBrowser()) {
            tablet.signIn(app.toString(), "inspector1");
            tablet.awaitCard("open-task-list", taskId).findElement(By.cssSelector("[data-testid='claim-button']")).click();
            tablet.awaitCard("my-task-list", taskId).click();
            tablet.await("region-confirm", "data-region", "0").click();
            tablet.awaitText("region-threat-class", "dense shielding", Duration.ofSeconds(5));
            tablet.screenshot("task-detail-with-findings");
            tablet.click("record-outcome");
            tablet.click("examination-NII_ONLY");
            tablet.click("result-NO_DISCREPANCY");
            tablet.click("action-RELEASE");
            tablet.type("minutes-spent", "15");
            tablet.type("seals-before", "SL100");
            tablet.type("seals-after", "SL100");
            tablet.screenshot("outcome-form");
            tablet.click("submit-outcome");

            tablet.awaitText("outcome-recorded", "Outcome recorded", Duration.ofSeconds(30));
            tablet.screenshot("outcome-recorded");
        }

        as("inspector1").get("/api/v1/inspections/{id}", taskId).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("assignee", equalTo("inspector1"))
                .body("outcome.action", equalTo("RELEASE"))
                .body("outcome.scanFindingReviews", hasSize(1))
                .body("outcome.scanFindingReviews[0].scanId", equalTo(scanId))
                .body("outcome.scanFindingReviews[0].verdict", equalTo("CONFIRMED"));
    }

    @Test
    void anOutcomeRecordedWithoutNetworkWaitsAndIsDeliveredOnceWhenTheNetworkReturns() throws Exception {
        String taskId = createTask(containerNumber());
        as("inspector2").post("/api/v1/inspections/{id}/claim", taskId).then().statusCode(200);

        try (TabletBrowser tablet = new TabletBrowser()) {
            queueAnOutcomeOffline(tablet, taskId, "FULL_PHYSICAL", 40);
            tablet.screenshot("waiting-to-sync");
            Thread.sleep(2_000);
            as("inspector2").get("/api/v1/inspections/{id}", taskId).then().body("status", equalTo("CLAIMED"));

            tablet.restoreNetwork();
            tablet.awaitText("outcome-recorded", "Outcome recorded", Duration.ofSeconds(40));
            tablet.screenshot("synced");
        }

        as("inspector2").get("/api/v1/inspections/{id}", taskId).then().body("status", equalTo("SUBMITTED"))
                .body("outcome.examination", equalTo("FULL_PHYSICAL"));
        int versions = as("inspector2").get("/api/v1/inspections/{id}/outcome/versions", taskId).then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        assertEquals(1, versions, "delivered exactly once");
    }

    @Test
    void anOutcomeQueuedWhenTheSignInExpiresIsSentOnceTheInspectorSignsInAgain() throws Exception {
        String taskId = createTask(containerNumber());
        as("inspector2").post("/api/v1/inspections/{id}/claim", taskId).then().statusCode(200);

        try (TabletBrowser tablet = new TabletBrowser()) {
            queueAnOutcomeOffline(tablet, taskId, "NII_ONLY", 25);
            Object stored = tablet.driver().executeScript("return JSON.stringify(Object.assign({}, localStorage))");
            // neither a key for it nor a "password" field in any stored value ("method": "password" names the way of signing in)
            Object keepsPassword = tablet.driver().executeScript("return Object.entries(localStorage).some(([key, value]) => "
                    + "/password|credential/i.test(key) || /\"password\"\\s*:/.test(value))");
            assertFalse((Boolean) keepsPassword, "no password in the tablet's storage: " + stored);

            // the token runs out while the tablet is offline: the server will no longer take it
            tablet.driver().executeScript("const s = JSON.parse(localStorage.getItem('ic.session')); s.token = arguments[0];"
                    + "localStorage.setItem('ic.session', JSON.stringify(s));", TestTokens.expired(Roles.INSPECTOR));
            tablet.restoreNetwork();
            tablet.awaitText("login-message", "sign in again", Duration.ofSeconds(40));
            as("inspector2").get("/api/v1/inspections/{id}", taskId).then().body("status", equalTo("CLAIMED"));

            tablet.type("login-username", "inspector2");
            tablet.type("login-password", "inspector2");
            tablet.click("login-submit");
            try {
                await("the queued outcome to be sent after signing in again").atMost(Duration.ofSeconds(40)).pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(250)).pollInSameThread().dontCatchUncaughtExceptions()
                        .until(() -> as("inspector2").get("/api/v1/inspections/{id}", taskId).then().extract().<String>path("status"),
                                "SUBMITTED"::equals);
            } catch (ConditionTimeoutException e) {
                tablet.screenshot("outbox-not-sent-after-sign-in");
                throw e;
            }
        }

        as("inspector2").get("/api/v1/inspections/{id}", taskId).then().body("status", equalTo("SUBMITTED"))
                .body("outcome.minutesSpent", equalTo(25));
        int versions = as("inspector2").get("/api/v1/inspections/{id}/outcome/versions", taskId).then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        assertEquals(1, versions, "delivered exactly once");
    }

    /** inspector2 signs in, opens the claimed task and records an outcome while the tablet has no network. */
    private void queueAnOutcomeOffline(TabletBrowser tablet, String taskId, String examination, int minutes) throws Exception {
        tablet.signIn(app.toString(), "inspector2");
        tablet.awaitCard("my-task-list", taskId).click();
        tablet.await("record-outcome");

        tablet.cutNetwork();
        tablet.click("record-outcome");
        tablet.click("examination-" + examination);
        tablet.click("result-NO_DISCREPANCY");
        tablet.click("action-RELEASE");
        tablet.type("minutes-spent", Integer.toString(minutes));
        tablet.click("submit-outcome");
        tablet.awaitText("sync-status", "Waiting to sync", Duration.ofSeconds(20));
    }
}
