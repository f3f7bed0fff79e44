package org.opencustoms.inspection;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.AuthorizationMatrix;

import static org.opencustoms.common.identity.Roles.ANALYST;
import static org.opencustoms.common.identity.Roles.AUDITOR;
import static org.opencustoms.common.identity.Roles.CARRIER;
import static org.opencustoms.common.identity.Roles.IMPORTER;
import static org.opencustoms.common.identity.Roles.INSPECTION_SERVICE;
import static org.opencustoms.common.identity.Roles.INSPECTOR;
import static org.opencustoms.common.identity.Roles.SCANNER;
import static org.opencustoms.common.identity.Roles.SCAN_ANALYSIS_SERVICE;
import static org.opencustoms.common.identity.Roles.SELECTION_SERVICE;
import static org.opencustoms.common.identity.Roles.SUPERVISOR;

/** Who may call each of inspection-service's endpoints (docs/security.md has the same table). */
@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyEndpointAnswersEachRoleAsTheRolesTableSays() {
        new AuthorizationMatrix()
                .outboxAdministration()
                .pathValue("id", "00000000-0000-0000-0000-000000000000")
                .pathValue("appealId", "00000000-0000-0000-0000-000000000000")
                .pathValue("scanId", "NO-SUCH-SCAN")
                .pathValue("sha256", "0".repeat(64))
                .allow("POST", "/api/v1/inspections", SELECTION_SERVICE)
                .allow("POST", "/api/v1/inspections/cancellations", SELECTION_SERVICE)
                .allow("GET", "/api/v1/inspections", INSPECTOR, SUPERVISOR)
                .allow("GET", "/api/v1/inspections/{id}", INSPECTOR, SUPERVISOR)
                .allow("POST", "/api/v1/inspections/{id}/claim", INSPECTOR)
                .allow("POST", "/api/v1/inspections/{id}/release", INSPECTOR, SUPERVISOR)
                .allow("PUT", "/api/v1/inspections/{id}/assignee", SUPERVISOR)
                .allow("PUT", "/api/v1/inspections/{id}/outcome", INSPECTOR, SUPERVISOR)
                .allow("GET", "/api/v1/inspections/{id}/outcome/versions", INSPECTOR, SUPERVISOR)
                .allow("POST", "/api/v1/inspections/{id}/photos", INSPECTOR, SUPERVISOR)
                .allow("GET", "/api/v1/inspections/{id}/photos/{sha256}", INSPECTOR, SUPERVISOR)
                .allow("POST", "/api/v1/inspections/{id}/appeals", IMPORTER)
                .allow("GET", "/api/v1/inspections/{id}/appeals", IMPORTER, INSPECTOR, SUPERVISOR)
                .allow("POST", "/api/v1/inspections/{id}/appeals/{appealId}/decision", SUPERVISOR)
                .allow("POST", "/api/v1/scan-findings", SCAN_ANALYSIS_SERVICE)
                .allow("POST", "/api/v1/inspections/{id}/scan-findings", SCAN_ANALYSIS_SERVICE)
                .allow("GET", "/api/v1/inspections/{id}/scan-findings/{scanId}/image", INSPECTOR, SUPERVISOR)
                .allow("GET", "/api/v1/kpis", SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/task-events", SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/me", IMPORTER, CARRIER, SCANNER, INSPECTOR, SUPERVISOR, ANALYST, AUDITOR,
                        SELECTION_SERVICE, SCAN_ANALYSIS_SERVICE, INSPECTION_SERVICE)
                .open("POST", "/api/v1/sessions")
                .open("GET", "/api/v1/sessions/method")
                .open("POST", "/api/v1/sessions/provider")
                .verify();
    }
}
