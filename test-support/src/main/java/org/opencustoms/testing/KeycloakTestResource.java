package org.opencustoms.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Points a service under test at a real Keycloak with the platform's realm: bearer tokens are verified
 * with the realm's keys, the web apps sign users in there (code flow), and the service gets its own token
 * by client credentials (init argument {@code service}: its client id). Test users (password
 * {@link #PASSWORD}): {@code sofia}, supervisor; {@code ines}, inspector at USLAX. Its configuration wins
 * over {@link TokenTestResource}'s (it starts later).
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "correct horse " + UUID.randomUUID();
    private static final Map<String, String> CLIENT_SECRETS = Map.of(
            "selection-service", UUID.randomUUID().toString(),
            "scan-analysis-service", UUID.randomUUID().toString(),
            "inspection-service", UUID.randomUUID().toString(),
            "opencustoms-web", UUID.randomUUID().toString());
    private static volatile String issuer;

    private String service;
    private KeycloakServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Map<String, String> start() {
        // the provider sends browsers back only to registered addresses, so the service's port is fixed here
        int port = KeycloakServer.freePort();
        String app = "http://localhost:" + port;
        Map<String, String> placeholders = new HashMap<>(Map.of(
                "OPENCUSTOMS_REALM_SSL_REQUIRED", "none",
                "OPENCUSTOMS_DASHBOARD_URL", app,
                "OPENCUSTOMS_TABLET_URL", app,
                "OPENCUSTOMS_WEB_CLIENT_SECRET", CLIENT_SECRETS.get("opencustoms-web"),
                "TEST_USER_PASSWORD", PASSWORD));
        CLIENT_SECRETS.forEach((client, secret) -> placeholders.put(client.toUpperCase().replace('-', '_') + "_CLIENT_SECRET", secret));
        server = KeycloakServer.start(Path.of(System.getProperty("keycloak.realm-file", "../k8s/keycloak/customs-realm.json")),
                usersFile(), placeholders);
        issuer = server.issuer();
        Map<String, String> config = new HashMap<>(Map.of(
                // smallrye-jwt reads NONE as no inline key, so the realm's JWKS address is used
                "mp.jwt.verify.publickey", "NONE",
                "mp.jwt.verify.publickey.location", issuer + "/protocol/openid-connect/certs",
                "mp.jwt.verify.issuer", issuer,
                "smallrye.jwt.path.groups", "realm_access/roles",
                "quarkus.http.test-port", String.valueOf(port),
                "sign-in.provider.issuer", issuer,
                "sign-in.provider.client-id", "opencustoms-web",
                "sign-in.provider.client-secret", CLIENT_SECRETS.get("opencustoms-web")));
        if (service != null) {
            config.putAll(Map.of(
                    "quarkus.oidc-client.auth-server-url", issuer,
                    "quarkus.oidc-client.client-id", service,
                    "quarkus.oidc-client.credentials.secret", CLIENT_SECRETS.get(service)));
        }
        return config;
    }

    /** A client-credentials token of a peer service's client, as that service would get it. */
    public static String serviceToken(String client) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(CLIENT_SECRETS.get(client), StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused client credentials for " + client + ": " + answer.body());
            }
            return answer.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fills in Keycloak's sign-in page, once the browser has been sent there, as the test user. */
    public static void signInAtProvider(HeadlessChromium browser, String user) throws IOException {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        } catch (TimeoutException e) {
            browser.dumpPage("provider-sign-in-page");
            throw e;
        }
        if (!browser.driver().getCurrentUrl().startsWith(issuer)) {
            throw new AssertionError("the sign-in page is not the provider's: " + browser.driver().getCurrentUrl());
        }
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.id("kc-login")).click();
    }

    public static String issuer() {
        return issuer;
    }

    private static Path usersFile() {
        try (InputStream users = KeycloakTestResource.class.getResourceAsStream("/keycloak/test-users.json")) {
            Path file = Files.createTempFile("keycloak-users", ".json");
            Files.copy(users, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
