package org.opencustoms.inspection.signin;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.HeadlessChromium;
import org.opencustoms.testing.KeycloakTestResource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencustoms.inspection.Fixtures.containerNumber;
import static org.opencustoms.inspection.Fixtures.handoff;

/**
 * Production identities against a real Keycloak with the documented realm: selection-service hands a task
 * over with its client-credentials token, and an inspector of that port signs in on the tablet at the provider
 * (code flow with PKCE), sees the task and claims it under the provider's name for her.
 */
@QuarkusTest
@TestProfile(ProviderSignInProfile.class)
@Tag("browser")
class TabletProviderSignInBrowserTest {

    @TestHTTPResource("/")
    URL app;

    @Test
    void anInspectorSignsInAtTheProviderAndClaimsATaskAtHerPort() throws Exception {
        String selection = KeycloakTestResource.serviceToken("selection-service");
        String taskId = given().auth().oauth2(selection).contentType("application/json").body(handoff(containerNumber()))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        // a user of the provider is no peer service, whatever else she may do
        given().auth().oauth2(KeycloakTestResource.serviceToken("scan-analysis-service")).contentType("application/json")
                .body(handoff(containerNumber())).post("/api/v1/inspections").then().statusCode(403);

        try (HeadlessChromium tablet = new HeadlessChromium(1024, 768)) {
            tablet.driver().get(app.toString());
            tablet.click("login-provider");
            KeycloakTestResource.signInAtProvider(tablet, "ines");

            WebElement card;
            try {
                card = new WebDriverWait(tablet.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[data-testid='open-task-list'] [data-testid='task-card'][data-task-id='" + taskId + "']")));
            } catch (org.openqa.selenium.TimeoutException e) {
                tablet.dumpPage("tablet-provider-return");
                throw e;
            }
            assertFalse(tablet.driver().getCurrentUrl().contains("code="), tablet.driver().getCurrentUrl());
            card.findElement(By.cssSelector("[data-testid='claim-button']")).click();
            new WebDriverWait(tablet.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid='my-task-list'] [data-task-id='" + taskId + "']")));
            Object assignee = tablet.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const token = JSON.parse(localStorage.getItem('ic.session')).token;"
                    + "fetch('/api/v1/inspections/' + arguments[0], { headers: { Authorization: 'Bearer ' + token } })"
                    + ".then(r => r.json()).then(task => done(task.assignee), e => done(String(e)));", taskId);
            assertEquals("ines", assignee, "claimed under the provider's name for her");
            tablet.screenshot("tablet-signed-in-at-provider");
        }
    }
}
