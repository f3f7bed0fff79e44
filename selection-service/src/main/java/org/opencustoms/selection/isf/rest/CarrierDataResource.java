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
import org.opencustoms.common.problem.ProblemException;

@Path("/api/v1")
@Tag(name = "Carrier data", description = "The carrier's +2: vessel stow plans and container status messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CarrierDataResource {

    private final CarrierDataService carrierData;

    public CarrierDataResource(CarrierDataService carrierData) {
        this.carrierData = carrierData;
    }

    @POST
    @Path("stow-plans")
    @Operation(summary = "Receive a vessel stow plan", description = "Matched to the filings of the same vessel and voyage: "
            + "a filed container missing from the plan is recorded as a discrepancy on its filing.")
    public Uni<Response> stowPlan(StowPlan plan) {
        if (plan == null) {
            throw ProblemException.badRequest("missing-body", "the request needs a stow plan as its JSON body");
        }
        return carrierData.receive(plan).map(receipt -> Response.status(201).entity(receipt).build());
    }

    @POST
    @Path("container-status-messages")
    @Operation(summary = "Receive a container status message", description = "Matched to filings by container number "
            + "(and bill of lading): an event that contradicts the filing is recorded as a discrepancy on it.")
    public Uni<Response> statusMessage(ContainerStatusMessage message) {
        if (message == null) {
            throw ProblemException.badRequest("missing-body", "the request needs a status message as its JSON body");
        }
        return carrierData.receive(message).map(receipt -> Response.status(201).entity(receipt).build());
    }
}
