package org.opencustoms.scan;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.AuthorizationMatrix;

import static org.opencustoms.common.identity.Roles.AUDITOR;
import static org.opencustoms.common.identity.Roles.INSPECTION_SERVICE;
import static org.opencustoms.common.identity.Roles.INSPECTOR;
import static org.opencustoms.common.identity.Roles.SUPERVISOR;

/** Who may call each of scan-analysis-service's REST endpoints (docs/security.md has the same table). */
@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyEndpointAnswersEachRoleAsTheRolesTableSays() {
        new AuthorizationMatrix()
                .outboxAdministration()
                .pathValue("id", "NO-SUCH-SCAN")
                .allow("GET", "/api/v1/scans", SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/scans/{id}", INSPECTOR, SUPERVISOR, INSPECTION_SERVICE)
                .allow("GET", "/api/v1/scans/{id}/image", INSPECTOR, SUPERVISOR, INSPECTION_SERVICE)
                .allow("GET", "/api/v1/scans/{id}/analysis", INSPECTOR, SUPERVISOR, INSPECTION_SERVICE)
                .allow("GET", "/api/v1/scans/{id}/analysis/rendition", INSPECTOR, SUPERVISOR, INSPECTION_SERVICE)
                .open("POST", "/api/v1/sessions")
                .open("GET", "/api/v1/sessions/method")
                .open("POST", "/api/v1/sessions/provider")
                .verify();
    }
}
