package org.opencustoms.selection.audit.dashboard;

import org.opencustoms.selection.Actors;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencustoms.testing.HeadlessChromium;
import org.opencustoms.selection.isf.IsfFixtures;
import org.opencustoms.selection.random.ClosedPeriodsProfile;
import org.opencustoms.selection.disclosure.ShipmentEvents;
import org.opencustoms.selection.random.Periods;
import org.opencustoms.selection.random.ShiftableTimeSource;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A supervisor opens /audit in Debian's headless Chromium over a history three days old (so its draws can
 * be recomputed), sees the fairness table and the charts drawn with data, and verifies the log and the
 * period's random draws in the browser. Screenshots land in target/browser-screenshots.
 */
@QuarkusTest
@TestProfile(ClosedPeriodsProfile.class)
@Tag("browser")
class AuditDashboardBrowserTest {

    @TestHTTPResource("/audit")
    URL dashboard;

    @Test
    void aSupervisorSeesTheReportsAndVerifiesAClosedPeriodInTheBrowser() throws Exception {
        String period = fileThreeDaysAgo();

        try (HeadlessChromium browser = new HeadlessChromium(1366, 900)) {
            browser.driver().get(dashboard.toString());
            try {
                browser.type("login-username", "supervisor");
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.dumpPage("audit-sign-in-failed");
                throw e;
            }
            browser.type("login-password", "supervisor");
            browser.click("login-submit");

            browser.await("fairness-row", "data-group", "VN");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-loaded='true']")));
            List<WebElement> rows = browser.driver().findElements(HeadlessChromium.byTestId("fairness-row"));
            assertTrue(rows.size() >= 3, "fairness rows: " + rows.size());
            assertTrue(browser.await("compliance-rate").getText().contains("%"), browser.await("compliance-rate").getText());
            for (String chart : List.of("chart-selection", "chart-hits", "chart-days")) {
                Number points = (Number) browser.driver().executeScript(
                        "const chart = echarts.getInstanceByDom(document.querySelector(`[data-testid='${arguments[0]}']`));"
                                + "return chart.getOption().series.reduce((n, s) => n + s.data.filter(d => d != null).length, 0);", chart);
                assertTrue(points.intValue() > 0, chart + " has no data");
                assertTrue(browser.driver().findElements(By.cssSelector("[data-testid='" + chart + "'] canvas")).size() > 0, chart + " not drawn");
            }

            new Select(browser.await("verify-period")).selectByValue(period);
            browser.click("verify-button");
            WebElement result = browser.await("verify-result", "data-status", "ok", Duration.ofSeconds(60));
            assertTrue(result.getText().contains("Verified"), result.getText());
            List<WebElement> steps = browser.driver().findElements(By.cssSelector("[data-testid='verify-steps'] li"));
            assertTrue(steps.stream().allMatch(step -> step.getAttribute("class").equals("ok")), "a step failed");
            assertTrue(steps.stream().anyMatch(step -> step.getText().contains("draws of " + period)), "draws were not recomputed");
            assertTrue(steps.stream().anyMatch(step -> step.getText().contains("Ed25519 signature verifies")), "signature not checked");

            fullPageScreenshot(browser, 1366, "audit-dashboard-laptop");
            fullPageScreenshot(browser, 820, "audit-dashboard-tablet");
        }
    }

    private static void fullPageScreenshot(HeadlessChromium browser, int width, String name) throws Exception {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        Number height = (Number) browser.driver().executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(width, height.intValue() + 40));
        browser.driver().executeScript("window.scrollTo(0, 0)");
        Thread.sleep(300); // the charts redraw on resize
        browser.screenshot(name);
    }

    /**
     * Filings of three origins decided three days ago, with outcomes for the inspected ones; returns that day's period.
     * (Three, not two: ClosedPeriodAuditTest shares this profile's application and tampers with the seed of two days ago.)
     */
    private static String fileThreeDaysAgo() {
        // noon three days ago, so that the filings cannot straddle a midnight into ClosedPeriodAuditTest's day
        Instant noon = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        String period = Periods.of(noon);
        ShiftableTimeSource.shift(Duration.between(Instant.now(), noon));
        try {
            int n = 0;
            for (String origin : List.of("CN", "VN", "MX")) {
                for (int i = 0; i < (origin.equals("MX") ? 12 : 36); i++) {
                    Map<String, Object> filing = IsfFixtures.isf10();
                    IsfFixtures.with(filing, "commodityLines[0].countryOfOrigin", origin);
                    String location = IsfFixtures.post(filing).then().statusCode(201).extract().header("Location");
                    Map<String, Object> decision = Actors.as(Roles.AUDITOR).get(location + "/decision")
                            .then().statusCode(200).extract().path("decision");
                    if (List.of("NII_SCAN", "PHYSICAL_EXAM").contains(decision.get("lane"))) {
                        ShipmentEvents.outcome((String) decision.get("id"), n++ % 4 == 0);
                    }
                }
            }
            assertTrue(n > 0, "nothing was picked for inspection");
        } finally {
            ShiftableTimeSource.shift(Duration.ZERO);
        }
        return period;
    }
}
