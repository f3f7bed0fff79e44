package org.opencustoms.inspection.app;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opencustoms.testing.HeadlessChromium;

import java.io.IOException;
import java.time.Duration;

/** Headless Chromium at a tablet's viewport, with the tablet app's sign-in and a switch to cut the network. */
final class TabletBrowser extends HeadlessChromium {

    TabletBrowser() throws IOException {
        super(1024, 768);
    }

    /** The card of a task inside one of the queue's lists. */
    WebElement awaitCard(String listTestId, String taskId) {
        return new WebDriverWait(driver(), Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "[data-testid='" + listTestId + "'] [data-testid='task-card'][data-task-id='" + taskId + "']")));
    }

    void signIn(String baseUrl, String user) throws IOException {
        driver().get(baseUrl);
        try {
            await("login-username");
        } catch (TimeoutException e) {
            dumpPage("sign-in-failed");
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
        driver().setNetworkConditions(offline);
    }

    void restoreNetwork() {
        driver().deleteNetworkConditions();
    }
}
