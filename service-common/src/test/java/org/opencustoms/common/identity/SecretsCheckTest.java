package org.opencustoms.common.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretsCheckTest {

    private static final List<String> REQUIRED = List.of("DB_PASSWORD", "SERVICE_TOKEN|SERVICE_TOKEN_FILE");

    @Test
    void missingAndDefaultSecretsAreNamed() {
        assertEquals(List.of("DB_PASSWORD is not set", "SERVICE_TOKEN or SERVICE_TOKEN_FILE is not set"),
                SecretsCheck.problems(REQUIRED, Map.<String, String>of()::get));
        assertEquals(List.of("DB_PASSWORD has a well-known default value"),
                SecretsCheck.problems(REQUIRED, Map.of("DB_PASSWORD", "postgres", "SERVICE_TOKEN_FILE", "/var/run/token")::get));
        assertEquals(List.of("DB_PASSWORD is not set"), SecretsCheck.problems(REQUIRED, Map.of("DB_PASSWORD", "  ", "SERVICE_TOKEN", "eyJ")::get));
    }

    @Test
    void onlySecretsAreHeldToTheWellKnownDefaults() {
        assertEquals(List.of(), SecretsCheck.problems(List.of("DB_USER", "DB_PASSWORD"), Map.of("DB_USER", "postgres", "DB_PASSWORD", "k3#Vq9")::get));
    }

    @Test
    void realSecretsPass() {
        assertEquals(List.of(), SecretsCheck.problems(REQUIRED, Map.of("DB_PASSWORD", "k3#Vq9-long-random", "SERVICE_TOKEN", "eyJhbGciOi")::get));
    }
}
