package org.opencustoms.selection;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.AuthorizationMatrix;

import static org.opencustoms.common.identity.Roles.ANALYST;
import static org.opencustoms.common.identity.Roles.AUDITOR;
import static org.opencustoms.common.identity.Roles.CARRIER;
import static org.opencustoms.common.identity.Roles.IMPORTER;
import static org.opencustoms.common.identity.Roles.INSPECTION_SERVICE;
import static org.opencustoms.common.identity.Roles.SUPERVISOR;

/** Who may call each of selection-service's endpoints (docs/security.md has the same table). */
@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyEndpointAnswersEachRoleAsTheRolesTableSays() {
        new AuthorizationMatrix()
                .outboxAdministration()
                .pathValue("id", "00000000-0000-0000-0000-000000000000")
                .pathValue("version", "999999")
                .pathValue("index", "999999999")
                .pathValue("period", "2000-01-01")
                .allow("POST", "/api/v1/isf-filings", IMPORTER)
                .allow("GET", "/api/v1/isf-filings", IMPORTER, SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/isf-filings/{id}", IMPORTER, SUPERVISOR, AUDITOR)
                .allow("PUT", "/api/v1/isf-filings/{id}", IMPORTER)
                .allow("DELETE", "/api/v1/isf-filings/{id}", IMPORTER)
                .allow("GET", "/api/v1/isf-filings/{id}/versions", IMPORTER, SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/isf-filings/{id}/decision", SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/isf-filings/{id}/decision/disclosed", IMPORTER)
                .allow("GET", "/api/v1/decisions/{id}", SUPERVISOR, AUDITOR)
                .allow("POST", "/api/v1/admin/log/signing-keys", SUPERVISOR)
                .allow("POST", "/api/v1/stow-plans", CARRIER)
                .allow("POST", "/api/v1/container-status-messages", CARRIER)
                .allow("POST", "/api/v1/outcome-labels", INSPECTION_SERVICE)
                .allow("GET", "/api/v1/admin/rule-sets/current", ANALYST, SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/admin/rule-sets/{version}", ANALYST, SUPERVISOR, AUDITOR)
                .allow("PUT", "/api/v1/admin/rule-sets", ANALYST)
                .allow("GET", "/api/v1/admin/changes", SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/audit/fairness", SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/audit/compliance", SUPERVISOR, AUDITOR)
                .allow("GET", "/api/v1/audit/kpis", SUPERVISOR, AUDITOR)
                .open("GET", "/api/v1/audit/log/tree-head")
                .open("GET", "/api/v1/audit/log/public-key")
                .open("GET", "/api/v1/audit/log/entries")
                .open("GET", "/api/v1/audit/log/entries/{index}")
                .open("GET", "/api/v1/audit/log/proofs/inclusion")
                .open("GET", "/api/v1/audit/log/proofs/consistency")
                .open("GET", "/api/v1/audit/log/verify")
                .open("GET", "/api/v1/audit/log/keys")
                .open("GET", "/api/v1/audit/seeds")
                .open("GET", "/api/v1/audit/seeds/{period}")
                .open("GET", "/api/v1/transparency/periods")
                .open("GET", "/api/v1/transparency/periods/{period}/decisions")
                .open("GET", "/transparency")
                .open("GET", "/api/v1/audit/random-draws/{period}/verify")
                .open("GET", "/audit")
                .open("POST", "/api/v1/sessions")
                .open("GET", "/api/v1/sessions/method")
                .open("POST", "/api/v1/sessions/provider")
                .verify();
    }
}
