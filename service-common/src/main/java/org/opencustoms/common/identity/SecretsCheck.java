package org.opencustoms.common.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Outside the embedded default (bin/platform sets {@code PLATFORM_EMBEDDED=true}) a service refuses to start
 * while a secret it needs is missing or left at a well-known default, and names the variable. Each service
 * lists them in {@code platform.required-secrets}; {@code A|B} means either of the two. The embedded sign-in's
 * signing key has no place there either.
 */
@ApplicationScoped
public class SecretsCheck {

    /** Defaults the embedded runs use and guessing attackers try first. */
    static final Set<String> WELL_KNOWN = Set.of("postgres", "password", "changeit", "secret", "admin", "supervisor", "analyst",
            "auditor", "inspector1", "inspector2", "importer", "selection-service", "scan-analysis-service", "inspection-service");

    void onStart(@Observes StartupEvent event, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL || config.getOptionalValue("platform.embedded", Boolean.class).orElse(false)) {
            return;
        }
        List<String> problems = problems(config.getOptionalValues("platform.required-secrets", String.class).orElse(List.of()), System::getenv);
        if (config.getOptionalValue("smallrye.jwt.sign.key", String.class).isPresent()) {
            problems = new ArrayList<>(problems);
            problems.add("SMALLRYE_JWT_SIGN_KEY is set: the embedded sign-in with local passwords is for bin/platform only; "
                    + "users sign in at the OpenID Connect provider");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start without its secrets: " + String.join("; ", problems)
                    + " (set them from a Secret; PLATFORM_EMBEDDED=true is for bin/platform's local runs only)");
        }
    }

    static List<String> problems(List<String> required, UnaryOperator<String> environment) {
        List<String> problems = new ArrayList<>();
        for (String alternatives : required) {
            List<String> names = List.of(alternatives.split("\\|"));
            List<String> set = names.stream().filter(name -> !blank(environment.apply(name))).toList();
            if (set.isEmpty()) {
                problems.add(String.join(" or ", names) + " is not set");
            } else if (set.stream().allMatch(name -> isSecret(name) && WELL_KNOWN.contains(environment.apply(name).strip()))) {
                problems.add(set.get(0) + " has a well-known default value");
            }
        }
        return problems;
    }

    /** Names that hold a secret; the others (a URL, a user name) only need to be set. */
    static boolean isSecret(String name) {
        return name.contains("PASSWORD") || name.contains("TOKEN") || name.contains("KEY") || name.contains("SECRET");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
