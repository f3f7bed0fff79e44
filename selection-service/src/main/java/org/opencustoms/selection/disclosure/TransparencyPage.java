package org.opencustoms.selection.disclosure;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.selection.config.StaticPage;

/** The public transparency page at /transparency (its files are static under /transparency/); no sign-in. */
@Path("/transparency")
@Tag(name = "Transparency")
public class TransparencyPage {

    private static final String PAGE = StaticPage.read("META-INF/resources/transparency/index.html");

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The public transparency page (HTML)")
    public String page() {
        return PAGE;
    }
}
