package org.opencustoms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A real Keycloak (its Quarkus distribution from Maven Central, unpacked by the module's build into
 * {@code target/keycloak}) in development mode on a free port, with the platform's documented realm
 * ({@code k8s/keycloak/customs-realm.json}) and a test users file imported. Keycloak 26 needs Java 21 or
 * later: {@code KEYCLOAK_JAVA_HOME}, else the running JDK if new enough, else the newest such JDK installed
 * beside it.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Keycloak with the realm file and the users file; {@code placeholders} fill the realm file's
     * {@code ${NAME}} values (client secrets, redirect addresses).
     */
    public static KeycloakServer start(Path realmFile, Path usersFile, Map<String, String> placeholders) {
        Path home = home();
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            try (Stream<Path> old = Files.list(imports)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            Files.copy(realmFile, imports.resolve("customs-realm.json"));
            Files.copy(usersFile, imports.resolve("customs-users-0.json"));
            deleteRecursively(home.resolve("data/h2"));
            int port = freePort();
            Path log = home.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname-strict=false", "--cache=local", "--health-enabled=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome().toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "test-admin-" + System.nanoTime());
            builder.environment().putAll(placeholders);
            KeycloakServer server = new KeycloakServer(builder.start(), port, log);
            // a test JVM that dies does not leave Keycloak holding its port and memory
            Thread stopOnExit = new Thread(server::close, "keycloak-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                server.awaitRealm();
            } catch (RuntimeException | IOException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
    }

    /** The realm's issuer, e.g. http://localhost:PORT/realms/customs. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/customs";
    }

    private void awaitRealm() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            await("Keycloak to serve the customs realm").atMost(STARTUP).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .pollInSameThread().dontCatchUncaughtExceptions()
                    .failFast(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; its log:\n" + tail());
                        }
                    })
                    .until(() -> serves(http, discovery));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Keycloak did not serve the customs realm within " + STARTUP + "; its log:\n" + tail(), e);
        }
    }

    private static boolean serves(HttpClient http, HttpRequest discovery) {
        try {
            return http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private String tail() throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        // kc.sh forwards TERM to its JVM and waits for it
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path home() {
        String configured = System.getProperty("keycloak.home");
        if (configured == null) {
            throw new IllegalStateException("system property keycloak.home is not set: the module's build unpacks Keycloak "
                    + "into target/keycloak and passes it to the tests");
        }
        Path home = Path.of(configured);
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + " (run the build's generate-test-resources phase)");
        }
        return home;
    }

    static Path javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= 21) {
            return running;
        }
        try (Stream<Path> siblings = Files.list(running.toRealPath().getParent())) {
            return siblings.filter(jdk -> majorVersion(jdk).orElse(0) >= 21)
                    .max(Comparator.comparing(jdk -> majorVersion(jdk).orElse(0)))
                    .orElseThrow(() -> new IllegalStateException("Keycloak 26 needs Java 21 or later: install one beside "
                            + running + " or set KEYCLOAK_JAVA_HOME"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the JDK's {@code release} file: JAVA_VERSION="25.0.1". */
    private static Optional<Integer> majorVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin/java"))) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("JAVA_VERSION=\"?(\\d+).*", "$1")).map(Integer::valueOf).findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
