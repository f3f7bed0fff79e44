package org.opencustoms.selection.isf.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.selection.isf.model.ContainerStatusMessage;
import org.opencustoms.selection.isf.model.StowPlan;
import org.opencustoms.selection.isf.service.CarrierDataService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;

@Path("/api/v1")
@Tag(name = "Carrier data", description = "The carrier's +2: vessel stow plans and container status messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CarrierDataResource {

    private final CarrierDataService carrierData;
    private final SecurityIdentity identity;

    public CarrierDataResource(CarrierDataService carrierData, SecurityIdentity identity) {
        this.carrierData = carrierData;
        this.identity = identity;
    }

    @POST
    @Path("stow-plans")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Receive a vessel stow plan", description = "Matched to the filings of the same vessel and voyage: "
            + "a filed container missing from the plan is recorded as a discrepancy on its filing.")
    public Uni<Response> stowPlan(StowPlan plan) {
        if (plan == null) {
            throw ProblemException.badRequest("missing-body", "the request needs a stow plan as its JSON body");
        }
        Caller carrier = carrier();
        if (plan.carrierCode() != null && !plan.carrierCode().equals(carrier.party())) {
            throw new ProblemException(Problem.of(403, "other-carrier", "Forbidden",
                    "carrier " + carrier.party() + " cannot send a stow plan for carrier " + plan.carrierCode()));
        }
        return carrierData.receive(plan, carrier.subject()).map(receipt -> Response.status(201).entity(receipt).build());
    }

    @POST
    @Path("container-status-messages")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Receive a container status message", description = "Matched to filings by container number "
            + "(and bill of lading) among the sending carrier's own filings: an event that contradicts the filing is recorded as a "
            + "discrepancy on it.")
    public Uni<Response> statusMessage(ContainerStatusMessage message) {
        if (message == null) {
            throw ProblemException.badRequest("missing-body", "the request needs a status message as its JSON body");
        }
        Caller carrier = carrier();
        return carrierData.receive(message, carrier.party(), carrier.subject()).map(receipt -> Response.status(201).entity(receipt).build());
    }

    /** The carrier calling, with the SCAC its token names. */
    private Caller carrier() {
        Caller caller = Caller.of(identity);
        if (caller.party() == null || !caller.party().matches("[A-Z]{2,4}")) {
            throw new ProblemException(Problem.of(403, "no-party", "Forbidden",
                    "a carrier's token needs the party claim with its SCAC (2 to 4 capital letters)"));
        }
        return caller;
    }
}
