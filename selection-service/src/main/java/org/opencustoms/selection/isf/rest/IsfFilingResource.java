package org.opencustoms.selection.isf.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.opencustoms.selection.decision.LoggedDecisions;
import org.opencustoms.selection.disclosure.OwnDecisions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.selection.isf.model.FilingQuery;
import org.opencustoms.selection.isf.model.FilingReceipt;
import org.opencustoms.selection.isf.model.FilingStatus;
import org.opencustoms.selection.isf.model.FilingSummary;
import org.opencustoms.selection.isf.model.FilingView;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.model.PageOf;
import org.opencustoms.selection.isf.service.IdempotentFiling;
import org.opencustoms.selection.isf.service.IsfFilingService;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.selection.isf.service.FilingAccess;
import io.quarkus.security.identity.SecurityIdentity;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/isf-filings")
@Tag(name = "ISF filings", description = "Importer Security Filings (ISF-10 and ISF-5): intake, amendments, withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IsfFilingResource {

    private static final int MAX_PAGE_SIZE = 200;

    private final IsfFilingService filings;
    private final IdempotentFiling idempotentFiling;
    private final LoggedDecisions decisions;

    private final SecurityIdentity identity;
    private final OwnDecisions ownDecisions;

    public IsfFilingResource(IsfFilingService filings, IdempotentFiling idempotentFiling, LoggedDecisions decisions,
                             OwnDecisions ownDecisions, SecurityIdentity identity) {
        this.identity = identity;
        this.ownDecisions = ownDecisions;
        this.filings = filings;
        this.idempotentFiling = idempotentFiling;
        this.decisions = decisions;
    }

    @POST
    @RolesAllowed(Roles.IMPORTER)
    @Operation(summary = "File an ISF", description = "Validates and stores an ISF-10 or ISF-5 as version 1. With an "
            + "Idempotency-Key, a retry returns the first answer; the same key with a different body is a 409.")
    @APIResponse(responseCode = "201", description = "Accepted, possibly with warnings")
    @APIResponse(responseCode = "400", description = "Unreadable JSON, a wrong type or an unknown field")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused for a different filing")
    @APIResponse(responseCode = "422", description = "The filing breaks the ISF rules; every offending field is named")
    public Uni<Response> file(@Parameter(description = "Makes a retried POST safe") @HeaderParam("Idempotency-Key") String key,
                              IsfFiling filing) {
        requireBody(filing);
        FilingAccess filer = filer();
        if (key == null) {
            return filings.file(filing, filer).map(receipt -> Response.created(location(receipt.id()))
                    .tag(Integer.toString(receipt.version())).entity(receipt).build());
        }
        requireValidKey(key);
        return idempotentFiling.file(key, filing, filer).map(answer -> Response.created(URI.create(answer.location()))
                .header("Idempotent-Replayed", Boolean.toString(answer.replayed()))
                .type(MediaType.APPLICATION_JSON).entity(answer.body()).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.IMPORTER)
    @Operation(summary = "Amend a filing", description = "Stores a new version; earlier versions stay readable. "
            + "If-Match with the current version (as returned in ETag) guards against lost updates.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "404", description = "No such filing")
    @APIResponse(responseCode = "409", description = "The filing was withdrawn")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    public Uni<Response> amend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, IsfFiling filing) {
        requireBody(filing);
        return filings.amend(id, filing, expectedVersion(ifMatch), filer())
                .map(receipt -> Response.ok(receipt).tag(Integer.toString(receipt.version())).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.IMPORTER)
    @Operation(summary = "Withdraw a filing", description = "Marks it WITHDRAWN; nothing is erased.")
    public Uni<FilingReceipt> withdraw(@PathParam("id") UUID id) {
        return filings.withdraw(id, filer());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.IMPORTER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The current version of a filing, with its compliance facts and discrepancies")
    public Uni<Response> current(@PathParam("id") UUID id) {
        return filings.current(id, reader()).map(view -> Response.ok(view).tag(Integer.toString(view.currentVersion())).build());
    }

    @GET
    @Path("{id}/decision")
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The decision on the filing's current version, with its log entry, salts, index and inclusion proof (supervisors and auditors only; recorded as a disclosure)")
    public Uni<LoggedDecisions.LoggedDecision> decision(@PathParam("id") UUID id) {
        return decisions.forFiling(id, Caller.of(identity));
    }

    @GET
    @Path("{id}/decision/disclosed")
    @RolesAllowed(Roles.IMPORTER)
    @Operation(summary = "The importer's own decision, once the shipment is released or its inspection closed: the committed "
            + "bytes, their salt, the log entry and its inclusion proof in the signed tree head (recorded as a disclosure)")
    @APIResponse(responseCode = "409", description = "The shipment is not released and its inspection not closed: nothing is disclosed yet")
    public Uni<OwnDecisions.OwnDecision> disclosedDecision(@PathParam("id") UUID id) {
        return ownDecisions.forFiling(id, Caller.of(identity));
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.IMPORTER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Every version of a filing, oldest first")
    public Uni<List<FilingView>> versions(@PathParam("id") UUID id) {
        return filings.history(id, reader());
    }

    @GET
    @RolesAllowed({Roles.IMPORTER, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Search filings", description = "By bill of lading, container, status and filing time; newest first. "
            + "An importer finds only its own party's filings.")
    public Uni<PageOf<FilingSummary>> search(@QueryParam("billOfLading") String billOfLading,
                                             @QueryParam("container") String container,
                                             @QueryParam("status") String status,
                                             @Parameter(description = "ISO 8601 instant, inclusive") @QueryParam("filedFrom") String filedFrom,
                                             @Parameter(description = "ISO 8601 instant, exclusive") @QueryParam("filedTo") String filedTo,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("paging", "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        FilingQuery query = new FilingQuery(blankToNull(billOfLading), blankToNull(container), status(status),
                instant("filedFrom", filedFrom), instant("filedTo", filedTo), page, size);
        return filings.search(query, reader());
    }

    /** The importer filing or changing: its token must name its party. */
    private FilingAccess filer() {
        FilingAccess access = FilingAccess.of(Caller.of(identity));
        if (access.party() == null) {
            throw new ProblemException(Problem.of(403, "no-party", "Forbidden",
                    "the token names no party: an importer's token needs the party claim with its importer or filer number "
                            + "(2 to 32 letters, digits or dashes)"));
        }
        return access;
    }

    private FilingAccess reader() {
        FilingAccess access = FilingAccess.of(Caller.of(identity));
        if (!access.everyParty() && access.party() == null) {
            throw new ProblemException(Problem.of(403, "no-party", "Forbidden", "the token names no party"));
        }
        return access;
    }

    private static URI location(UUID id) {
        return URI.create("/api/v1/isf-filings/" + id);
    }

    private static void requireBody(IsfFiling filing) {
        if (filing == null) {
            throw ProblemException.badRequest("missing-body", "the request needs a filing as its JSON body");
        }
    }

    private static void requireValidKey(String key) {
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ProblemException.badRequest("idempotency-key", "Idempotency-Key must be 1 to 200 printable ASCII characters");
        }
    }

    private static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("if-match", "If-Match must carry the version number given in ETag");
        }
    }

    private static FilingStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FilingStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "status must be one of " + List.of(FilingStatus.values()));
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("date", name + " must be an ISO 8601 instant such as 2026-11-28T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
