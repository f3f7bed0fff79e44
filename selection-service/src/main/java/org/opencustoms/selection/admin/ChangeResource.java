package org.opencustoms.selection.admin;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.QueryValues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/admin/changes")
@Tag(name = "Who did it", description = "Every change of filings, carrier data and rule sets, with who made it")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    private static final int MAX_PAGE_SIZE = 500;

    private final ChangeLog changes;

    public ChangeResource(ChangeLog changes) {
        this.changes = changes;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "Changes, newest first, by time (ISO 8601 instants, from inclusive, to exclusive), subject and kind "
            + "(FILED, AMENDED, WITHDRAWN, STOW_PLAN, STATUS_MESSAGE, RULE_SET)")
    public Uni<List<ChangeLog.Change>> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                            @QueryParam("subject") String subject, @QueryParam("kind") String kind,
                                            @QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue("100") int size) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant fromInstant = QueryValues.instant("from", from, violations);
        Instant toInstant = QueryValues.instant("to", to, violations);
        if (kind != null && !ChangeLog.ROLE_OF_KIND.containsKey(kind)) {
            violations.add(new FieldViolation("kind", "one of " + String.join(", ", new java.util.TreeSet<>(ChangeLog.ROLE_OF_KIND.keySet()))));
        }
        if (subject != null && (subject.isBlank() || subject.length() > 128)) {
            violations.add(new FieldViolation("subject", "1 to 128 characters"));
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "page 0 or more, size 1 to " + MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid change query", violations);
        }
        return changes.find(new ChangeLog.Query(fromInstant, toInstant, subject, kind, page, size));
    }
}
