package org.opencustoms.selection.transparency;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencustoms.testing.HeadlessChromium;
import org.opencustoms.selection.isf.IsfFixtures;
import org.opencustoms.selection.random.Periods;
import org.opencustoms.selection.random.ShiftableTimeSource;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencustoms.testing.HeadlessChromium.byTestId;

/**
 * A member of the public opens /transparency/ in Debian's headless Chromium, without signing in, over a day of
 * decisions three days old (published: its embargo of one day has ended) and a few of today's (embargoed). They see
 * the signed tree head, the published day's figures and today's embargo, and verify the published day in the browser;
 * after one decision's stored content is changed behind the log's back, the same verification reports the broken
 * commitment. Screenshots land in target/browser-screenshots.
 */
@QuarkusTest
@TestProfile(DisclosedPeriodsProfile.class)
@Tag("browser")
class TransparencyPageBrowserTest {

    private static final int FILED_THAT_DAY = 40;
    private static final int FILED_TODAY = 4;
    // the first letter of the lane, flipped in the disclosed content: the JSON stays valid, the decision is rewritten
    private static final String FLIP_LANE_LETTER = """
            UPDATE selection.decision_log_entry
               SET disclosed = set_byte(disclosed, position(convert_to('"lane":"', 'UTF8') in disclosed) + 7,
                                        get_byte(disclosed, position(convert_to('"lane":"', 'UTF8') in disclosed) + 7) # 1)
             WHERE log_index = $1 AND position(convert_to('"lane":"', 'UTF8') in disclosed) > 0""";

    @Inject
    Pool database;

    @TestHTTPResource("/transparency/")
    URL page;

    @Test
    void thePublicSeesAPublishedDayVerifiesItInTheBrowserAndCatchesARewrittenDecision() throws Exception {
        String published = fileThreeDaysAgo();
        for (int i = 0; i < FILED_TODAY; i++) {
            IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201);
        }
        String today = Periods.of(Instant.now());
        // a head covering every decision made here, before the page and this test read it
        await().atMost(Duration.ofSeconds(20)).until(() -> treeSize() >= FILED_THAT_DAY + FILED_TODAY);
        given().get("/api/v1/transparency/periods?limit=60").then().statusCode(200)
                .body("find { it.period == '" + published + "' }.disclosed", equalTo(true))
                .body("find { it.period == '" + today + "' }.disclosed", equalTo(false));
        given().get("/api/v1/transparency/periods/" + today + "/decisions").then().statusCode(409);

        try (HeadlessChromium browser = new HeadlessChromium(1366, 900)) {
            browser.driver().get(page.toString());
            try {
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-loaded='true']")));
            } catch (TimeoutException e) {
                browser.dumpPage("transparency-load-failed");
                throw e;
            }
            assertEquals("", browser.driver().findElement(byTestId("load-error")).getDomProperty("textContent"));

            // the tree head: the size shown is the signed one
            assertEquals(String.valueOf(treeSize()), browser.await("head-size").getText());
            String keyId = given().get("/api/v1/audit/log/tree-head").then().extract().path("keyId");
            assertEquals(keyId, browser.await("head-key-id").getText());
            assertEquals("Ed25519", browser.await("head-key-algorithm").getText());

            // the published day: its figures, its seed and its entries for download
            WebElement day = row(browser, published);
            assertEquals("true", day.getDomAttribute("data-disclosed"));
            assertEquals(String.valueOf(FILED_THAT_DAY), field(day, "decisions"));
            int randomPicks = given().get("/api/v1/transparency/periods?limit=60").then()
                    .extract().path("find { it.period == '" + published + "' }.figures.pickedAtRandom");
            assertTrue(randomPicks > 0, "a rate of 0.25 over " + FILED_THAT_DAY + " filings picked nothing at random");
            assertEquals(String.valueOf(randomPicks), field(day, "pickedAtRandom"));
            assertTrue(field(day, "examinationRate").contains("%"), field(day, "examinationRate"));
            String download = day.findElement(byTestId("download-link")).getDomProperty("href");
            assertTrue(download.endsWith("/api/v1/transparency/periods/" + published + "/decisions"), download);
            given().get(download).then().statusCode(200).body("entries", hasSize(FILED_THAT_DAY));
            assertEquals("true", browser.driver().findElement(By.cssSelector(
                    "[data-testid='seed-row'][data-period='" + published + "']")).getDomAttribute("data-revealed"));

            // today: embargoed, no figures, nothing to download or verify, its seed still secret
            WebElement embargoed = row(browser, today);
            assertEquals("false", embargoed.getDomAttribute("data-disclosed"));
            String notice = embargoed.findElement(byTestId("period-embargo")).getText();
            assertTrue(notice.startsWith("Embargoed until"), notice);
            assertTrue(embargoed.findElements(By.cssSelector("[data-field]")).isEmpty(), "an embargoed day shows figures");
            assertTrue(embargoed.findElements(By.cssSelector("button, a")).isEmpty(), "an embargoed day offers its entries");
            assertEquals("false", browser.driver().findElement(By.cssSelector(
                    "[data-testid='seed-row'][data-period='" + today + "']")).getDomAttribute("data-revealed"));

            // every check of the published day passes in the browser
            WebElement result = verify(browser, published);
            List<WebElement> steps = steps(browser);
            assertEquals("ok", result.getDomAttribute("data-status"), result.getText() + "\n" + text(steps));
            assertTrue(result.getText().startsWith("Verified"), result.getText());
            assertTrue(steps.stream().noneMatch(step -> "fail".equals(step.getDomAttribute("class"))), text(steps));
            for (String check : List.of("Ed25519 signature verifies", "match their commitment", "every one of them is disclosed",
                    "revealed seed of " + published + " matches", "draws of " + published)) {
                assertTrue(steps.stream().anyMatch(step -> step.getText().contains(check)), "no step '" + check + "':\n" + text(steps));
            }
            browser.screenshot("transparency-verified");
            assertNoScriptErrors(browser);

            // a decision rewritten in the database no longer matches the commitment the log published for it
            long index = ((Number) given().get("/api/v1/transparency/periods/" + published + "/decisions").then()
                    .statusCode(200).extract().path("entries[0].index")).longValue();
            assertEquals(1, flipLaneLetter(index), "the decision at " + index + " has no lane to change");
            try {
                result = verify(browser, published);
                steps = steps(browser);
                assertEquals("failed", result.getDomAttribute("data-status"), result.getText() + "\n" + text(steps));
                assertTrue(result.getText().contains("FAILED"), result.getText());
                assertTrue(steps.stream().anyMatch(step -> "fail".equals(step.getDomAttribute("class"))
                        && step.getText().contains("do not match their commitment") && step.getText().contains("index " + index)),
                        "the rewritten decision was not reported:\n" + text(steps));
                browser.screenshot("transparency-tampered");
            } finally {
                flipLaneLetter(index); // back as it was, for whoever reads this database next
            }
            assertNoScriptErrors(browser);
        }
    }

    /** Decisions made at noon three days ago (so none straddles a midnight); returns that day's period. */
    private static String fileThreeDaysAgo() {
        Instant noon = LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
        ShiftableTimeSource.shift(Duration.between(Instant.now(), noon));
        try {
            for (int i = 0; i < FILED_THAT_DAY; i++) {
                IsfFixtures.post(IsfFixtures.isf10()).then().statusCode(201);
            }
        } finally {
            ShiftableTimeSource.shift(Duration.ZERO);
        }
        return Periods.of(noon);
    }

    private static long treeSize() {
        return ((Number) given().get("/api/v1/audit/log/tree-head").then().statusCode(200).extract().path("treeSize")).longValue();
    }

    private int flipLaneLetter(long index) {
        return database.preparedQuery(FLIP_LANE_LETTER).execute(Tuple.of(index)).await().indefinitely().rowCount();
    }

    /** Clicks the day's verify button and waits for the verdict (the click sets it to running at once). */
    private static WebElement verify(HeadlessChromium browser, String period) {
        browser.driver().findElement(By.cssSelector("[data-testid='verify-button'][data-period='" + period + "']")).click();
        try {
            return new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid='verify-result'][data-period='" + period + "']:is([data-status='ok'], [data-status='failed'])")));
        } catch (TimeoutException e) {
            throw new AssertionError("the verification did not finish:\n" + text(steps(browser)), e);
        }
    }

    private static WebElement row(HeadlessChromium browser, String period) {
        return browser.driver().findElement(By.cssSelector("[data-testid='period-row'][data-period='" + period + "']"));
    }

    private static String field(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-field='" + name + "']")).getText();
    }

    private static List<WebElement> steps(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("[data-testid='verify-steps'] li"));
    }

    private static String text(List<WebElement> steps) {
        return steps.stream().map(WebElement::getText).collect(Collectors.joining("\n"));
    }

    /** The service's CSP allows no inline script: a violation, or any uncaught error, shows in the browser's console. */
    private static void assertNoScriptErrors(HeadlessChromium browser) {
        List<String> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught"))
                .toList();
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }
}
