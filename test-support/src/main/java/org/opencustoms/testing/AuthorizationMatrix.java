package org.opencustoms.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.opencustoms.common.identity.Roles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Who may call what, checked against the service's own OpenAPI document at test time: every operation it
 * lists must have an entry here (a new endpoint without one fails the test), and each is called with no
 * token, an expired one, one signed by an unknown key, and a token of every role. A role the entry names
 * must get past authorization (any answer but 401, 403 or a 5xx: with the placeholder ids and bodies
 * sent here that is mostly 400, 404 or 422); every other role must get 403, and the bad tokens (expired,
 * signed by another key, for another audience, from another issuer) 401.
 * Scoping by port or party is for each service's own tests, with real ids.
 */
public final class AuthorizationMatrix {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private final Map<String, Set<String>> allowed = new TreeMap<>();
    private final Set<String> anonymous = new TreeSet<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();

    /** Only these roles may call it. */
    public AuthorizationMatrix allow(String method, String path, String... roles) {
        allowed.put(key(method, path), Set.of(roles));
        return this;
    }

    /** Anyone may call it, with or without a token. */
    public AuthorizationMatrix open(String method, String path) {
        anonymous.add(key(method, path));
        return this;
    }

    /** Every service's outbox administration (service-common's DeadLetterResource): supervisors only. */
    public AuthorizationMatrix outboxAdministration() {
        return allow("GET", "/api/v1/admin/outboxes", "supervisor")
                .allow("GET", "/api/v1/admin/outboxes/{outbox}/dead-letters", "supervisor")
                .allow("POST", "/api/v1/admin/outboxes/{outbox}/dead-letters/replay", "supervisor")
                .allow("POST", "/api/v1/admin/outboxes/{outbox}/dead-letters/{id}/replay", "supervisor")
                .allow("DELETE", "/api/v1/admin/outboxes/{outbox}/dead-letters/{id}", "supervisor");
    }

    /** The value put in for a path template such as {id}; "1" where none is given. */
    public AuthorizationMatrix pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    public void verify() {
        JsonPath document = RestAssured.given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200).extract().jsonPath();
        List<String> operations = operations(document);
        List<String> problems = new ArrayList<>();
        Set<String> described = new TreeSet<>(allowed.keySet());
        described.addAll(anonymous);
        for (String operation : operations) {
            if (!described.remove(operation)) {
                problems.add(operation + ": in the OpenAPI document but not in the authorization matrix");
                continue;
            }
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = fill(template);
            String consumes = consumes(document, template, method);
            if (anonymous.contains(operation)) {
                expectPast(problems, operation, "anyone", call(RestAssured.given(), method, path, consumes));
                continue;
            }
            expectStatus(problems, operation, "no token", call(RestAssured.given(), method, path, consumes), 401);
            expectStatus(problems, operation, "an expired token",
                    call(TestTokens.bearer(TestTokens.expired(Roles.SUPERVISOR)), method, path, consumes), 401);
            expectStatus(problems, operation, "a token from another key",
                    call(TestTokens.bearer(TestTokens.foreign(Roles.SUPERVISOR)), method, path, consumes), 401);
            expectStatus(problems, operation, "a token for another audience",
                    call(TestTokens.bearer(TestTokens.otherAudience(Roles.SUPERVISOR)), method, path, consumes), 401);
            expectStatus(problems, operation, "a token from another issuer",
                    call(TestTokens.bearer(TestTokens.otherIssuer(Roles.SUPERVISOR)), method, path, consumes), 401);
            for (String role : allRoles()) {
                Response answer = call(TestTokens.bearer(token(role)), method, path, consumes);
                if (allowed.get(operation).contains(role)) {
                    expectPast(problems, operation, role, answer);
                } else {
                    expectStatus(problems, operation, role, answer, 403);
                }
            }
        }
        described.forEach(stale -> problems.add(stale + ": in the authorization matrix but not in the OpenAPI document"));
        if (!problems.isEmpty()) {
            fail(problems.size() + " authorization answers were not as expected:\n  " + String.join("\n  ", problems));
        }
        assertTrue(operations.size() > 0, "the OpenAPI document lists no operations");
    }

    private static List<String> operations(JsonPath document) {
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(key(method, path))));
        return operations;
    }

    private static Set<String> allRoles() {
        Set<String> roles = new TreeSet<>(Roles.USERS);
        roles.addAll(Roles.SERVICES);
        return roles;
    }

    private static String token(String role) {
        return switch (role) {
            case Roles.INSPECTOR -> TestTokens.inspector("matrix-inspector", "USLAX");
            case Roles.IMPORTER, Roles.CARRIER -> TestTokens.party(role, Roles.CARRIER.equals(role) ? "MAEU" : "MATRIX");
            default -> TestTokens.of(role);
        };
    }

    private String fill(String path) {
        Matcher template = TEMPLATE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (template.find()) {
            template.appendReplacement(filled, Matcher.quoteReplacement(pathValues.getOrDefault(template.group(1), "1")));
        }
        template.appendTail(filled);
        return filled.toString();
    }

    /** The media type the operation's request body is declared in (JSON where it declares none). */
    private static String consumes(JsonPath document, String path, String method) {
        Map<String, Object> operation = document.getMap("paths.'" + path + "'." + method.toLowerCase());
        if (operation != null && operation.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content
                && !content.isEmpty()) {
            return content.containsKey("application/json") ? "application/json" : String.valueOf(content.keySet().iterator().next());
        }
        return "application/json";
    }

    /** The call, with a placeholder body of the declared type: the answer is about who may call, not what was sent. */
    private static Response call(RequestSpecification request, String method, String path, String consumes) {
        RequestSpecification withBody = request;
        if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            withBody = switch (consumes) {
                case "multipart/form-data" -> request.multiPart("file", "empty.bin", new byte[0]);
                case "application/json" -> request.contentType(ContentType.JSON).body("{}");
                default -> request.contentType(consumes).body("");
            };
        }
        return withBody.redirects().follow(false).request(method, path);
    }

    private static void expectPast(List<String> problems, String operation, String who, Response answer) {
        int status = answer.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            problems.add(operation + " as " + who + ": " + status + " (expected to get past authorization) " + brief(answer));
        }
    }

    private static void expectStatus(List<String> problems, String operation, String who, Response answer, int expected) {
        if (answer.statusCode() != expected) {
            problems.add(operation + " as " + who + ": " + answer.statusCode() + ", expected " + expected + " " + brief(answer));
        }
    }

    private static String brief(Response answer) {
        String body = answer.asString();
        return body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }

    private static String key(String method, String path) {
        return method.toUpperCase() + " " + path;
    }
}
