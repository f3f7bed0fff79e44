package org.opencustoms.selection.signin;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opencustoms.common.identity.ServiceToken;
import org.opencustoms.testing.HeadlessChromium;
import org.opencustoms.testing.KeycloakTestResource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production sign-in against a real Keycloak with the documented realm: a supervisor signs in to the
 * audit dashboard at the provider (code flow with PKCE) and reads the reports with the provider's token;
 * the service's own peer token comes from the provider by client credentials.
 */
@QuarkusTest
@TestProfile(ProviderSignInProfile.class)
@Tag("browser")
class ProviderSignInBrowserTest {

    @TestHTTPResource("/audit/")
    URL dashboard;

    @Inject
    Config config;

    @Inject
    JWTParser tokens;

    @Test
    void aSupervisorSignsInAtTheProviderAndReadsTheReports() throws Exception {
        given().get("/api/v1/sessions/method").then().statusCode(200)
                .body("method", equalTo("provider"))
                .body("provider.clientId", equalTo("opencustoms-web"))
                .body("provider.authorizationEndpoint", startsWith(KeycloakTestResource.issuer()));

        try (HeadlessChromium browser = new HeadlessChromium(1366, 900)) {
            browser.driver().get(dashboard.toString());
            browser.click("login-submit");
            KeycloakTestResource.signInAtProvider(browser, "sofia");

            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            try {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-loaded='true']")));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.dumpPage("provider-sign-in-return");
                throw e;
            }
            assertTrue(browser.await("signed-in-as").getText().contains("sofia"), browser.await("signed-in-as").getText());
            String address = browser.driver().getCurrentUrl();
            assertFalse(address.contains("code="), "the code is taken out of the address bar: " + address);
            String stored = String.valueOf(browser.driver().executeScript(
                    "return JSON.stringify(Object.assign({}, sessionStorage, localStorage))"));
            assertFalse(stored.contains("sign-in.pending"), "the PKCE verifier is dropped once used: " + stored);
            browser.screenshot("dashboard-signed-in-at-provider");
        }
    }

    @Test
    void aCodeThatTheProviderDidNotIssueIsRefused() {
        given().contentType("application/json")
                .body(Map.of("code", "not-a-code", "codeVerifier", "v".repeat(43), "redirectUri", dashboard.toString()))
                .post("/api/v1/sessions/provider").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("https://opencustoms.org/problems/sign-in-failed"));
        given().contentType("application/json")
                .body(Map.of("code", "x", "codeVerifier", "short", "redirectUri", "javascript:alert(1)"))
                .post("/api/v1/sessions/provider").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("codeVerifier", "redirectUri"));
    }

    @Test
    void theServiceCallsItsPeersWithAClientCredentialsTokenFromTheProvider() {
        String authorization = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> ServiceToken.authorization(config), value -> value.startsWith("Bearer "));
        JsonWebToken token = parse(authorization.substring("Bearer ".length()));
        assertEquals(KeycloakTestResource.issuer(), token.getIssuer());
        assertTrue(token.getGroups().contains("selection-service"), "roles: " + token.getGroups());
        assertTrue(token.getAudience().contains("opencustoms"), "audience: " + token.getAudience());
    }

    private JsonWebToken parse(String token) {
        try {
            return tokens.parse(token);
        } catch (io.smallrye.jwt.auth.principal.ParseException e) {
            throw new AssertionError("the provider's service token does not pass the platform's checks", e);
        }
    }
}
