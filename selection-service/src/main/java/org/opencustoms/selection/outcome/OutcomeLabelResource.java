package org.opencustoms.selection.outcome;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import org.opencustoms.common.identity.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.ProblemException;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Outcome labels from inspection-service, idempotent on (inspectionId, outcomeVersion). */
@Path("/api/v1/outcome-labels")
@Tag(name = "Outcomes", description = "What inspections found, for hit rates, the fairness audit and retraining")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSPECTION_SERVICE)
public class OutcomeLabelResource {

    private final Pool pool;

    public OutcomeLabelResource(Pool pool) {
        this.pool = pool;
    }

    @POST
    @Operation(summary = "Record an outcome label (201 new, 200 the same label again, 409 another label for the same version)")
    public Uni<Response> receive(OutcomeLabel label) {
        if (label == null) {
            throw ProblemException.badRequest("missing-body", "an outcome label is required");
        }
        List<FieldViolation> violations = label.violations();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid outcome label", violations);
        }
        return pool.preparedQuery("SELECT 1 FROM selection.selection_decision WHERE id = $1").execute(Tuple.of(label.decisionId()))
                .chain(decision -> {
                    if (decision.size() == 0) {
                        return Uni.createFrom().failure(new InvalidRequestException("Invalid outcome label",
                                List.of(new FieldViolation("decisionId", "no decision " + label.decisionId() + " was made here"))));
                    }
                    return pool.preparedQuery("INSERT INTO selection.outcome_label (inspection_id, outcome_version, decision_id, violation_found, "
                                    + "category, categories, examination, action, correction, recorded_at, received_at) "
                                    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()) ON CONFLICT (inspection_id, outcome_version) DO NOTHING")
                            .execute(Tuple.from(Arrays.asList(label.inspectionId(), label.outcomeVersion(), label.decisionId(), label.violationFound(),
                                    label.category(), label.categories().toArray(String[]::new), label.examination(), label.action(),
                                    label.correction(), label.recordedAt().atOffset(ZoneOffset.UTC))));
                })
                .chain(inserted -> inserted.rowCount() == 1
                        ? Uni.createFrom().item(Response.status(201).entity(label).build())
                        : sameAsStored(label));
    }

    private Uni<Response> sameAsStored(OutcomeLabel label) {
        return pool.preparedQuery("SELECT decision_id, violation_found, category FROM selection.outcome_label WHERE inspection_id = $1 AND outcome_version = $2")
                .execute(Tuple.of(label.inspectionId(), label.outcomeVersion()))
                .map(rows -> {
                    Row stored = rows.iterator().next();
                    boolean same = stored.getUUID("decision_id").equals(label.decisionId())
                            && stored.getBoolean("violation_found").equals(label.violationFound())
                            && Objects.equals(stored.getString("category"), label.category());
                    if (!same) {
                        throw ProblemException.conflict("label-conflict", "inspection " + label.inspectionId() + " version " + label.outcomeVersion()
                                + " was already labelled differently; a correction is a new outcome version");
                    }
                    return Response.ok(label).build();
                });
    }
}
