package org.opencustoms.inspection.app;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless Chromium at a tablet's viewport, driven through its own chromedriver (no driver
 * or browser is downloaded). CHROME_BINARY and CHROMEDRIVER override the Debian paths.
 */
final class TabletBrowser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    TabletBrowser() throws IOException {
        String chromium = env("CHROME_BINARY", "/usr/bin/chromium");
        String chromedriver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver)),
                "browser tests need Chromium and ChromeDriver: apt-get install chromium chromium-driver");
        profile = Files.createTempDirectory("tablet-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1024,768", "--force-device-scale-factor=1");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebElement await(String testId) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(byTestId(testId)));
    }

    WebElement await(String testId, String attribute, String value) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid='" + testId + "'][" + attribute + "='" + value + "']")));
    }

    /** The card of a task inside one of the queue's lists. */
    WebElement awaitCard(String listTestId, String taskId) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "[data-testid='" + listTestId + "'] [data-testid='task-card'][data-task-id='" + taskId + "']")));
    }

    void awaitText(String testId, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(byTestId(testId), text));
    }

    void click(String testId) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(byTestId(testId))).click();
    }

    void type(String testId, String text) {
        WebElement field = await(testId);
        field.clear();
        field.sendKeys(text);
    }

    void signIn(String baseUrl, String user) throws IOException {
        driver.get(baseUrl);
        try {
            await("login-username");
        } catch (org.openqa.selenium.TimeoutException e) {
            Files.createDirectories(SCREENSHOTS);
            Files.writeString(SCREENSHOTS.resolve("sign-in-failed.html"), driver.getPageSource());
            Files.writeString(SCREENSHOTS.resolve("sign-in-failed.log"), String.join("\n",
                    driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream().map(Object::toString).toList()));
            throw e;
        }
        type("login-username", user);
        type("login-password", user);
        click("login-submit");
    }

    /** Every request of the page fails, as in a container yard without coverage. */
    void cutNetwork() {
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        driver.setNetworkConditions(offline);
    }

    void restoreNetwork() {
        driver.deleteNetworkConditions();
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    static By byTestId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
