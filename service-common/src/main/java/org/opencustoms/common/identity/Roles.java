package org.opencustoms.common.identity;

import java.util.Set;

/**
 * The platform's roles, as tokens carry them in their {@code groups} claim. A user holds one role; each
 * peer service has a role of its own that opens only the endpoint it calls.
 */
public final class Roles {
    /** files, amends and withdraws its own ISF filings (scoped by the token's party claim) and appeals its own inspections */
    public static final String IMPORTER = "importer";
    /** sends stow plans and container status messages under its own SCAC (the party claim) */
    public static final String CARRIER = "carrier";
    /** scanner hardware: uploads scans as itself */
    public static final String SCANNER = "scanner";
    /** reads, claims and records inspections at its own ports (the ports claim) */
    public static final String INSPECTOR = "inspector";
    /** oversees inspections and selection at every port: reassigns, decides appeals, reads decisions and reports */
    public static final String SUPERVISOR = "supervisor";
    /** manages rule sets and risk models */
    public static final String ANALYST = "analyst";
    /** reads every decision and the audit reports; changes nothing */
    public static final String AUDITOR = "auditor";

    /** selection-service: creates inspection tasks */
    public static final String SELECTION_SERVICE = "selection-service";
    /** scan-analysis-service: posts scan findings */
    public static final String SCAN_ANALYSIS_SERVICE = "scan-analysis-service";
    /** inspection-service: sends outcome labels and fetches scan renditions for the tablets */
    public static final String INSPECTION_SERVICE = "inspection-service";

    public static final Set<String> USERS = Set.of(IMPORTER, CARRIER, SCANNER, INSPECTOR, SUPERVISOR, ANALYST, AUDITOR);
    public static final Set<String> SERVICES = Set.of(SELECTION_SERVICE, SCAN_ANALYSIS_SERVICE, INSPECTION_SERVICE);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return USERS.contains(role) || SERVICES.contains(role);
    }
}
