package org.opencustoms.inspection.access;

/** The roles of inspection-service's users (application.properties lists who has which). */
public final class Roles {
    public static final String INSPECTOR = "inspector";
    public static final String SUPERVISOR = "supervisor";
    /** selection-service and scan-analysis-service, posting tasks and findings. */
    public static final String SERVICE = "service";
    /** an importer or its broker, appealing an outcome */
    public static final String IMPORTER = "importer";

    private Roles() {
    }
}
