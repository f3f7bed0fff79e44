package org.opencustoms.common.outbox;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * Supervisors see each outbox's backlog and its dead letters (messages a peer refused for good), and replay
 * them once the cause is fixed or discard them. A discarded letter stays in its table, as DISCARDED.
 */
@Path("/api/v1/admin/outboxes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    private final Instance<Outbox> outboxes;
    private final SecurityIdentity caller;

    public DeadLetterResource(Instance<Outbox> outboxes, SecurityIdentity caller) {
        this.outboxes = outboxes;
        this.caller = caller;
    }

    @GET
    public List<Summary> list() {
        return outboxes.stream().map(outbox -> {
            OutboxStats stats = outbox.refreshStats();
            return new Summary(outbox.name(), stats.pending(), stats.dead(), stats.oldestAgeSeconds());
        }).toList();
    }

    @GET
    @Path("/{outbox}/dead-letters")
    public List<Outbox.DeadLetter> deadLetters(@PathParam("outbox") String name, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("Invalid query", List.of(new FieldViolation("limit", "must be between 1 and 1000")));
        }
        return outbox(name).deadLetters(limit);
    }

    @POST
    @Path("/{outbox}/dead-letters/{id}/replay")
    public Map<String, Object> replay(@PathParam("outbox") String name, @PathParam("id") long id) {
        if (!outbox(name).replay(id)) {
            throw ProblemException.notFound("Dead letter", id + " of outbox " + name);
        }
        LOG.infof("%s replayed dead letter %d of outbox %s", caller.getPrincipal().getName(), id, name);
        return Map.of("replayed", 1);
    }

    @POST
    @Path("/{outbox}/dead-letters/replay")
    public Map<String, Object> replayAll(@PathParam("outbox") String name) {
        int replayed = outbox(name).replayAll();
        LOG.infof("%s replayed all %d dead letters of outbox %s", caller.getPrincipal().getName(), replayed, name);
        return Map.of("replayed", replayed);
    }

    @DELETE
    @Path("/{outbox}/dead-letters/{id}")
    public Map<String, Object> discard(@PathParam("outbox") String name, @PathParam("id") long id) {
        if (!outbox(name).discard(id)) {
            throw ProblemException.notFound("Dead letter", id + " of outbox " + name);
        }
        LOG.warnf("%s discarded dead letter %d of outbox %s", caller.getPrincipal().getName(), id, name);
        return Map.of("discarded", 1);
    }

    private Outbox outbox(String name) {
        return outboxes.stream().filter(outbox -> outbox.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Outbox", name));
    }

    public record Summary(String name, long pending, long dead, long oldestAgeSeconds) {
    }
}
