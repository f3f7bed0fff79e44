package org.opencustoms.selection.disclosure;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.common.identity.Caller;

import java.util.List;

/** The public's view of selection: which periods are disclosed, their figures, and each disclosed period's decisions. */
@Path("/api/v1/transparency")
@Tag(name = "Transparency", description = "Disclosed periods of the decision log: figures, decisions with salts, seeds")
@Produces(MediaType.APPLICATION_JSON)
public class TransparencyResource {

    private final Transparency transparency;
    /** Public endpoints: the caller, if any, is resolved without blocking the event loop. */
    private final CurrentIdentityAssociation identity;

    public TransparencyResource(Transparency transparency, CurrentIdentityAssociation identity) {
        this.transparency = transparency;
        this.identity = identity;
    }

    @GET
    @Path("periods")
    @Operation(summary = "Recent periods, newest first: whether each is disclosed, its embargo, and a disclosed period's figures")
    public Uni<List<Transparency.PeriodSummary>> periods(@QueryParam("limit") @DefaultValue("60") int limit) {
        return transparency.periods(Math.max(1, Math.min(limit, 400)));
    }

    @GET
    @Path("periods/{period}/decisions")
    @Operation(summary = "Every log entry of a disclosed period with the decision it commits to and its salt, and the period's seed "
            + "(auditors and supervisors: any period, recorded as a disclosure)")
    @APIResponse(responseCode = "409", description = "The period is embargoed")
    public Uni<Transparency.PeriodDecisions> decisions(@PathParam("period") String period) {
        return caller().chain(caller -> transparency.decisions(period, caller));
    }

    private Uni<Caller> caller() {
        return identity.getDeferredIdentity().map(Caller::of);
    }
}
