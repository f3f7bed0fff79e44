package org.opencustoms.inspection.signin;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.opencustoms.testing.KeycloakTestResource;

import java.util.List;
import java.util.Map;

/** inspection-service as production runs it: users and peer services get their tokens from Keycloak. */
public class ProviderSignInProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakTestResource.class, Map.of("service", "inspection-service")));
    }
}
