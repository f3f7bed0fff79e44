package org.opencustoms.selection.signin;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.opencustoms.testing.KeycloakTestResource;

import java.util.List;
import java.util.Map;

/** selection-service as production runs it: users and the service itself get their tokens from Keycloak. */
public class ProviderSignInProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakTestResource.class, Map.of("service", "selection-service")));
    }
}
