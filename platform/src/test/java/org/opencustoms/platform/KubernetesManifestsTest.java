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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests in k8s/ must agree with how the services really run: ports, probes, secrets, volumes, the
 * database. The checks read k8s/base, which every overlay builds on; the overlays must parse and patch only
 * what base defines.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "k8s");
    private static final Path BASE = K8S.resolve("base");

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
                    spec.name() + " needs " + String.join(" or ", names) + " from a Secret in k8s/base");
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

    @Test
    void everyManifestParsesAndEveryKustomizationNamesWhatExists() throws IOException {
        for (Path file : yamlFiles(K8S)) {
            load(file);
        }
        List<Path> kustomizations = yamlFiles(K8S).stream().filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
        assertTrue(kustomizations.contains(BASE.resolve("kustomization.yaml")), "k8s/base is a kustomization");
        assertTrue(kustomizations.contains(K8S.resolve("overlays/dev/kustomization.yaml")));
        assertTrue(kustomizations.contains(K8S.resolve("overlays/production/kustomization.yaml")));
        for (Path kustomization : kustomizations) {
            Map<String, Object> k = load(kustomization).get(0);
            Path dir = kustomization.getParent();
            List<Object> resources = typed(k.getOrDefault("resources", List.of()));
            for (Object resource : resources) {
                Path target = dir.resolve(resource.toString()).normalize();
                assertTrue(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")),
                        kustomization + " lists " + resource + ", which is neither a file nor a kustomization");
            }
            for (Map<String, Object> patch : k.containsKey("patches") ? list(k, "patches") : List.<Map<String, Object>>of()) {
                if (patch.get("target") instanceof Map<?, ?> target) {
                    assertTrue(inBase(String.valueOf(target.get("kind")), String.valueOf(target.get("name"))),
                            kustomization + " patches " + target + ", which k8s/base does not define");
                } else {
                    List<Map<String, Object>> patched = new ArrayList<>();
                    if (patch.containsKey("path")) {
                        patched.addAll(load(dir.resolve(patch.get("path").toString())));
                    } else {
                        patched.add(typed(new Yaml().load(patch.get("patch").toString())));
                    }
                    for (Map<String, Object> d : patched) {
                        assertTrue(inBase(String.valueOf(d.get("kind")), String.valueOf(map(d, "metadata").get("name"))),
                                kustomization + " patches " + d.get("kind") + " " + map(d, "metadata").get("name") + ", which k8s/base does not define");
                    }
                }
            }
        }
        // a manifest base does not list is never applied
        List<Object> listed = typed(load(BASE.resolve("kustomization.yaml")).get(0).get("resources"));
        for (Path file : yamlFiles(BASE)) {
            String name = BASE.relativize(file).toString();
            assertTrue(name.equals("kustomization.yaml") || listed.contains(name), "k8s/base/kustomization.yaml lists " + name);
        }
    }

    private boolean inBase(String kind, String name) throws IOException {
        return all(kind).stream().anyMatch(d -> name.equals(map(d, "metadata").get("name")));
    }

    @ParameterizedTest
    @MethodSource("services")
    void containersRunUnprivilegedOnAReadOnlyRootWithAWritableTmp(ServiceSpec spec) throws IOException {
        Map<String, Object> deployment = find(spec.name(), "Deployment");
        Map<String, Object> container = container(deployment);
        Map<String, Object> security = map(container, "securityContext");
        assertEquals(true, security.get("runAsNonRoot"), spec.name());
        assertEquals(false, security.get("allowPrivilegeEscalation"), spec.name());
        assertEquals(true, security.get("readOnlyRootFilesystem"), spec.name());
        assertTrue(list(map(security, "capabilities"), "drop").contains("ALL"), spec.name() + " drops every capability");
        assertEquals("RuntimeDefault", map(security, "seccompProfile").get("type"), spec.name());

        Map<String, Object> tmp = list(container, "volumeMounts").stream().filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst()
                .orElseThrow(() -> new AssertionError(spec.name() + " mounts a writable /tmp"));
        assertFalse(Boolean.TRUE.equals(tmp.get("readOnly")), spec.name() + "'s /tmp is writable");
        assertTrue(volume(deployment, tmp.get("name")).containsKey("emptyDir"), spec.name() + "'s /tmp is an emptyDir");

        Map<String, Object> resources = map(container, "resources");
        assertNotNull(map(resources, "requests").get("memory"), spec.name() + " requests memory");
        assertNotNull(map(resources, "limits").get("memory"), spec.name() + " limits memory");
    }

    private Map<String, Object> volume(Map<String, Object> deployment, Object name) {
        return list(pod(deployment), "volumes").stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private Map<String, Object> pod(Map<String, Object> deployment) {
        return map(map(map(deployment, "spec"), "template"), "spec");
    }

    /** Whatever the service keeps on disk (a property defaulting to ${SERVICE_DATA_DIR:...} or the like) is on a volume claim. */
    @ParameterizedTest
    @MethodSource("services")
    void dataDirectoriesAreOnPersistentVolumeClaims(ServiceSpec spec) throws IOException {
        Map<String, Object> deployment = find(spec.name(), "Deployment");
        List<Map<String, Object>> env = list(container(deployment), "env");
        Pattern outermost = Pattern.compile("^\\$\\{([A-Z_]+):");
        for (Object value : applicationProperties(spec).values()) {
            Matcher variable = outermost.matcher(value.toString());
            if (!value.toString().contains("SERVICE_DATA_DIR") || !variable.find()) {
                continue;
            }
            Object directory = value(env, variable.group(1));
            assertNotNull(directory, spec.name() + " sets " + variable.group(1) + " (" + value + ")");
            Map<String, Object> mount = list(container(deployment), "volumeMounts").stream()
                    .filter(m -> directory.equals(m.get("mountPath"))).findFirst()
                    .orElseThrow(() -> new AssertionError(spec.name() + " mounts a volume at " + directory));
            Object claim = map(volume(deployment, mount.get("name")), "persistentVolumeClaim").get("claimName");
            find(String.valueOf(claim), "PersistentVolumeClaim");
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void aDisruptionBudgetLetsDrainsEvictOnePodAtATime(ServiceSpec spec) throws IOException {
        Object selector = map(map(find(spec.name(), "Deployment"), "spec"), "selector").get("matchLabels");
        List<Map<String, Object>> budgets = all("PodDisruptionBudget").stream()
                .filter(b -> selector.equals(map(map(b, "spec"), "selector").get("matchLabels"))).toList();
        assertEquals(1, budgets.size(), "one PodDisruptionBudget selects " + spec.name());
        // not minAvailable: 1, which would block every drain of a single replica
        assertEquals(1, map(budgets.get(0), "spec").get("maxUnavailable"), spec.name());
    }

    @Test
    void scanAnalysisScalesOnCpuAndTheAutoscalerOwnsTheReplicaCount() throws IOException {
        List<Map<String, Object>> autoscalers = all("HorizontalPodAutoscaler").stream()
                .filter(h -> "autoscaling/v2".equals(h.get("apiVersion"))
                        && "Deployment".equals(map(map(h, "spec"), "scaleTargetRef").get("kind"))
                        && ServiceSpec.SCAN_ANALYSIS.name().equals(map(map(h, "spec"), "scaleTargetRef").get("name")))
                .toList();
        assertEquals(1, autoscalers.size(), "an autoscaler targets the scan-analysis-service Deployment");
        assertTrue(list(map(autoscalers.get(0), "spec"), "metrics").stream()
                .anyMatch(m -> m.get("resource") instanceof Map<?, ?> r && "cpu".equals(r.get("name"))), "it scales on CPU");
        assertFalse(map(find(ServiceSpec.SCAN_ANALYSIS.name(), "Deployment"), "spec").containsKey("replicas"),
                "the Deployment leaves replicas to the autoscaler, so an apply does not reset them");
    }

    @Test
    void theNamespaceDeniesAllTrafficByDefault() throws IOException {
        assertTrue(all("NetworkPolicy").stream().anyMatch(p -> map(map(p, "spec"), "podSelector").isEmpty()
                        && list(map(p, "spec"), "policyTypes").containsAll(List.of("Ingress", "Egress"))
                        && !map(p, "spec").containsKey("ingress") && !map(p, "spec").containsKey("egress")),
                "a NetworkPolicy selects every pod and allows nothing in or out");
    }

    @ParameterizedTest
    @MethodSource("services")
    void networkPoliciesLetEachServiceServeItsPortAndReachItsDatabase(ServiceSpec spec) throws IOException {
        List<Map<String, Object>> policies = all("NetworkPolicy").stream()
                .filter(p -> Map.of("app.kubernetes.io/name", spec.name()).equals(map(map(p, "spec"), "podSelector").get("matchLabels")))
                .toList();
        assertTrue(policies.stream().anyMatch(p -> rules(p, "ingress").stream().anyMatch(r -> hasPort(r, spec.port()))),
                spec.name() + " takes connections on " + spec.port());
        String cluster = String.valueOf(map(find("customs-db", "Cluster"), "metadata").get("name"));
        assertTrue(policies.stream().anyMatch(p -> rules(p, "egress").stream().anyMatch(r -> hasPort(r, 5432) && r.containsKey("to")
                        && list(r, "to").stream().anyMatch(to -> to.get("podSelector") instanceof Map<?, ?> selector
                        && Map.of("cnpg.io/cluster", cluster).equals(selector.get("matchLabels"))))),
                spec.name() + " reaches the PostgreSQL instances on 5432");
    }

    private List<Map<String, Object>> rules(Map<String, Object> policy, String direction) {
        return map(policy, "spec").containsKey(direction) ? list(map(policy, "spec"), direction) : List.of();
    }

    private boolean hasPort(Map<String, Object> rule, int port) {
        return rule.containsKey("ports") && list(rule, "ports").stream().anyMatch(p -> Integer.valueOf(port).equals(p.get("port")));
    }

    @Test
    void postgresIsACloudNativePgClusterWithScheduledBackups() throws IOException {
        Map<String, Object> cluster = find("customs-db", "Cluster");
        assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion"));
        List<Map<String, Object>> backups = all("ScheduledBackup").stream()
                .filter(b -> "customs-db".equals(map(map(b, "spec"), "cluster").get("name"))).toList();
        assertEquals(1, backups.size(), "a ScheduledBackup of customs-db");
        assertFalse(Boolean.TRUE.equals(map(backups.get(0), "spec").get("suspend")), "base backs up; only overlays/dev suspends it");
    }

    /** The service's database is a CNPG Database owned by a managed role whose password Secret is the one the service logs in with. */
    @ParameterizedTest
    @MethodSource("services")
    void eachServiceOwnsItsDatabaseAndLogsInWithItsRolesSecret(ServiceSpec spec) throws IOException {
        Map<String, Object> database = all("Database").stream().filter(d -> spec.database().equals(map(d, "spec").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("a Database " + spec.database() + " for " + spec.name()));
        assertEquals("customs-db", map(map(database, "spec"), "cluster").get("name"));
        Object owner = map(database, "spec").get("owner");
        Map<String, Object> role = list(map(map(find("customs-db", "Cluster"), "spec"), "managed"), "roles").stream()
                .filter(r -> owner.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("the Cluster manages the role " + owner));
        Object secret = map(role, "passwordSecret").get("name");
        List<Map<String, Object>> env = list(container(find(spec.name(), "Deployment")), "env");
        for (String name : List.of("DB_URL", "DB_USER", "DB_PASSWORD")) {
            Map<String, Object> variable = env.stream().filter(e -> name.equals(e.get("name"))).findFirst().orElseThrow();
            assertEquals(secret, map(map(variable, "valueFrom"), "secretKeyRef").get("name"), spec.name() + "'s " + name + " comes from " + secret);
        }
    }

    private Map<String, Object> find(String name, String kind) throws IOException {
        List<Map<String, Object>> matches = all(kind).stream().filter(d -> name.equals(map(d, "metadata").get("name"))).toList();
        assertEquals(1, matches.size(), "one " + kind + " named " + name + " in k8s/base");
        assertTrue(matches.get(0).containsKey("spec"));
        return matches.get(0);
    }

    private List<Map<String, Object>> all(String kind) throws IOException {
        return documents(BASE).stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    /** Every document of every YAML file under the directory. */
    private List<Map<String, Object>> documents(Path directory) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Path file : yamlFiles(directory)) {
            documents.addAll(load(file));
        }
        return documents;
    }

    private static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    assertTrue(document instanceof Map, file + " holds objects");
                    documents.add(typed(document));
                }
            }
        }
        return documents;
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
