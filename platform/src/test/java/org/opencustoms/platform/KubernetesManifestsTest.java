package org.opencustoms.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencustoms.platform.cli.ServiceSpec;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifests in k8s/ must agree with how the services really run: ports, probes, secrets. */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "k8s");

    static Stream<ServiceSpec> services() {
        return ServiceSpec.all().stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void deploymentExposesTheServicePortAndItsHealthProbes(ServiceSpec spec) throws IOException {
        Map<String, Object> deployment = find(spec.name(), "Deployment");
        Map<String, Object> container = first(list(map(map(map(deployment, "spec"), "template"), "spec"), "containers"));

        Map<String, Object> port = first(list(container, "ports"));
        assertEquals(spec.port(), port.get("containerPort"), "container port of " + spec.name());
        assertEquals("/q/health/live", map(map(container, "livenessProbe"), "httpGet").get("path"));
        assertEquals("/q/health/ready", map(map(container, "readinessProbe"), "httpGet").get("path"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void credentialsAndKeysComeFromSecrets(ServiceSpec spec) throws IOException {
        Map<String, Object> deployment = find(spec.name(), "Deployment");
        for (Map<String, Object> env : list(container(deployment), "env")) {
            String name = String.valueOf(env.get("name"));
            if (name.startsWith("DB_") || name.contains("PASSWORD") || name.endsWith("_KEY") || name.contains("TOKEN") || name.contains("SECRET")) {
                assertTrue(fromSecret(deployment, env), name + " must come from a Secret (a secretKeyRef, or a file of a mounted Secret)");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void everySecretTheServiceRequiresIsSourcedFromASecret(ServiceSpec spec) throws IOException {
        Properties properties = applicationProperties(spec);
        String required = properties.getProperty("platform.required-secrets");
        assertNotNull(required, spec.name() + " lists the secrets it refuses to start without");
        Map<String, Object> deployment = find(spec.name(), "Deployment");
        List<Map<String, Object>> env = list(container(deployment), "env");
        for (String alternatives : required.split(",")) {
            List<String> names = List.of(alternatives.strip().split("\\|"));
            assertTrue(env.stream().anyMatch(e -> names.contains(String.valueOf(e.get("name"))) && fromSecret(deployment, e)),
                    spec.name() + " needs " + String.join(" or ", names) + " from a Secret in k8s/");
        }
        // the embedded default's shortcuts have no place in a cluster
        for (Map<String, Object> e : env) {
            assertTrue(!List.of("PLATFORM_EMBEDDED", "SMALLRYE_JWT_SIGN_KEY", "SCAN_INGEST_ALLOW_PLAINTEXT").contains(String.valueOf(e.get("name"))),
                    e.get("name") + " is for bin/platform's local runs only");
        }
    }

    /** A secretKeyRef, or a path inside a volume mounted from a Secret. */
    private boolean fromSecret(Map<String, Object> deployment, Map<String, Object> env) {
        if (env.get("valueFrom") instanceof Map<?, ?> valueFrom && valueFrom.get("secretKeyRef") != null) {
            return true;
        }
        Object value = env.get("value");
        if (value == null) {
            return false;
        }
        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        List<Map<String, Object>> volumes = pod.containsKey("volumes") ? list(pod, "volumes") : List.of();
        List<Map<String, Object>> mounts = container(deployment).containsKey("volumeMounts") ? list(container(deployment), "volumeMounts") : List.of();
        return mounts.stream().anyMatch(mount -> value.toString().startsWith(mount.get("mountPath") + "/")
                && volumes.stream().anyMatch(v -> mount.get("name").equals(v.get("name")) && v.containsKey("secret")));
    }

    private Map<String, Object> container(Map<String, Object> deployment) {
        return first(list(map(map(map(deployment, "spec"), "template"), "spec"), "containers"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceRoutesToTheContainerPort(ServiceSpec spec) throws IOException {
        Map<String, Object> service = find(spec.name(), "Service");
        Map<String, Object> port = first(list(map(service, "spec"), "ports"));
        assertEquals(spec.port(), port.get("port"));
        assertEquals("http", port.get("targetPort"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceGetsItsTokenFromTheProviderAsAClientOfTheDocumentedRealm(ServiceSpec spec) throws IOException {
        List<Map<String, Object>> env = list(container(find(spec.name(), "Deployment")), "env");
        String realm = Files.readString(K8S.resolve("keycloak/customs-realm.json"));
        assertEquals(spec.name(), value(env, "QUARKUS_OIDC_CLIENT_CLIENT_ID"), "its own client id");
        assertTrue(realm.contains("\"clientId\": \"" + spec.name() + "\""), spec.name() + " is a client of the realm");
        if (!spec.name().equals(ServiceSpec.SCAN_ANALYSIS.name())) {
            assertEquals("opencustoms-web", value(env, "SIGN_IN_PROVIDER_CLIENT_ID"), spec.name() + "'s web app signs in at the provider");
            assertTrue(realm.contains("\"clientId\": \"opencustoms-web\""));
        }
    }

    private static Object value(List<Map<String, Object>> env, String name) {
        return env.stream().filter(e -> name.equals(e.get("name"))).map(e -> e.get("value")).findFirst().orElse(null);
    }

    @ParameterizedTest
    @MethodSource("services")
    void theShutdownFitsInThePodsGracePeriod(ServiceSpec spec) throws IOException {
        Properties properties = applicationProperties(spec);
        Map<String, Object> deployment = find(spec.name(), "Deployment");
        int grace = (Integer) map(map(map(deployment, "spec"), "template"), "spec").get("terminationGracePeriodSeconds");
        int preStop = (Integer) map(map(map(container(deployment), "lifecycle"), "preStop"), "sleep").get("seconds");
        long requests = seconds(properties.getProperty("quarkus.shutdown.timeout"));
        long analyses = properties.containsKey("scan.analysis.shutdown-wait") ? seconds(properties.getProperty("scan.analysis.shutdown-wait")) : 0;
        assertTrue(requests > 0, spec.name() + " waits for in-flight requests at shutdown (quarkus.shutdown.timeout)");
        assertTrue(preStop + requests + analyses + 5 <= grace, spec.name() + ": preStop " + preStop + " s + requests " + requests
                + " s + analyses " + analyses + " s + 5 s margin must fit in terminationGracePeriodSeconds " + grace);
        assertTrue(grace <= ServiceSpec.STOP_GRACE.toSeconds(), "bin/platform waits at least as long as k8s does");
    }

    private static Properties applicationProperties(ServiceSpec spec) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("..", spec.name(), "src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** The default of a {@code ${VARIABLE:10s}} value, in seconds. */
    private static long seconds(String value) {
        assertNotNull(value);
        String fallback = value.replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1").strip();
        assertTrue(fallback.matches("\\d+s"), "a duration in seconds: " + value);
        return Long.parseLong(fallback.substring(0, fallback.length() - 1));
    }

    @Test
    void scanAnalysisExposesTheGrpcPortScannersStreamTo() throws IOException {
        Map<String, Object> deployment = find(ServiceSpec.SCAN_ANALYSIS.name(), "Deployment");
        Map<String, Object> container = first(list(map(map(map(deployment, "spec"), "template"), "spec"), "containers"));
        assertTrue(list(container, "ports").stream()
                .anyMatch(p -> "grpc".equals(p.get("name")) && Integer.valueOf(ServiceSpec.SCAN_INGEST_GRPC_PORT).equals(p.get("containerPort"))));
        Map<String, Object> service = find(ServiceSpec.SCAN_ANALYSIS.name(), "Service");
        assertTrue(list(map(service, "spec"), "ports").stream()
                .anyMatch(p -> Integer.valueOf(ServiceSpec.SCAN_INGEST_GRPC_PORT).equals(p.get("port")) && "grpc".equals(p.get("targetPort"))));
    }

    private Map<String, Object> find(String name, String kind) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object document : new Yaml().loadAll(reader)) {
                        documents.add(typed(document));
                    }
                }
            }
        }
        List<Map<String, Object>> matches = documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d, "metadata").get("name")))
                .toList();
        assertEquals(1, matches.size(), "one " + kind + " named " + name + " in k8s/");
        assertTrue(matches.get(0).containsKey("spec"));
        return matches.get(0);
    }

    private Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertNotNull(value, "missing " + key);
        return typed(value);
    }

    private List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertNotNull(value, "missing " + key);
        return typed(value);
    }

    private static Map<String, Object> first(List<Map<String, Object>> items) {
        assertTrue(!items.isEmpty());
        return items.get(0);
    }

    @SuppressWarnings("unchecked")
    private <T> T typed(Object value) {
        return (T) value;
    }
}
