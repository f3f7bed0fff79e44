package org.opencustoms.selection.audit.report;

import org.opencustoms.selection.config.StaticPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * The supervisors' dashboard at /audit. Its files are static under /audit/; the page itself is served
 * here too because the static handler only answers /audit/ with the trailing slash. The page holds no
 * data: it signs in and reads the supervisor-only reports with the user's credentials.
 */
@Path("/audit")
@Tag(name = "Audit reports")
public class AuditDashboardPage {

    private static final String PAGE = StaticPage.read("META-INF/resources/audit/index.html");

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The supervisors' dashboard (HTML)")
    public String page() {
        return PAGE;
    }
}
