package org.opencustoms.selection.audit;

import io.smallrye.faulttolerance.api.RateLimit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.time.temporal.ChronoUnit;
import org.opencustoms.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencustoms.selection.log.ConsistencyProof;
import org.opencustoms.selection.log.DecisionLog;
import org.opencustoms.selection.log.InclusionProof;
import org.opencustoms.selection.log.LogSigner;
import org.opencustoms.selection.log.LogVerification;
import org.opencustoms.selection.log.TreeHead;
import org.opencustoms.selection.random.DrawVerification;
import org.opencustoms.selection.random.DrawVerifier;
import org.opencustoms.selection.random.SeedService;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Public verification material: anyone can check the decision log and recompute the random draws. */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Decision log (RFC 6962), signed tree heads, proofs, random-draw seeds")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    public record LogEntry(long index, String leafHash, String entry) {
    }

    private final DecisionLog log;
    private final SeedService seeds;
    private final DrawVerifier draws;

    public AuditLogResource(DecisionLog log, SeedService seeds, DrawVerifier draws) {
        this.log = log;
        this.seeds = seeds;
        this.draws = draws;
    }

    @GET
    @Path("log/tree-head")
    @Operation(summary = "The signed tree head: size, root hash, timestamp and Ed25519 signature")
    public Uni<TreeHead> treeHead() {
        // two first requests for a new size race to sign it; the loser retries and reads the winner's head
        return log.currentTreeHead().onFailure().retry().atMost(2);
    }

    @GET
    @Path("log/public-key")
    @Operation(summary = "The Ed25519 public key tree heads are signed with (X.509 SubjectPublicKeyInfo, base64 and PEM)")
    public Uni<Map<String, String>> publicKey() {
        return log.publicKey().map(key -> {
            String der = Base64.getEncoder().encodeToString(key.getEncoded());
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
            return Map.of("algorithm", "Ed25519", "keyId", LogSigner.keyId(key), "publicKey", der, "pem", pem,
                    "signedData", "UTF-8 of: opencustoms-decision-log/v1\\n<treeSize>\\n<rootHash base64>\\n<timestampMillis>\\n");
        });
    }

    @GET
    @Path("log/entries/{index}")
    @Operation(summary = "The log entry at an index: the canonical JSON of a decision, exactly as hashed")
    public Uni<LogEntry> entry(@PathParam("index") long index) {
        return log.entry(index).map(e -> new LogEntry(e.logIndex, Base64.getEncoder().encodeToString(e.leafHash),
                new String(e.entry, StandardCharsets.UTF_8)));
    }

    @GET
    @Path("log/entries")
    @Operation(summary = "Consecutive log entries from an index, for auditors who rebuild the tree themselves")
    public Uni<List<LogEntry>> entries(@QueryParam("from") @DefaultValue("0") long from,
                                       @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (from < 0 || limit < 1 || limit > 5000) {
            throw ProblemException.badRequest("paging", "from must be 0 or more and limit 1 to 5000");
        }
        return log.entries(from, limit).map(list -> list.stream().map(e -> new LogEntry(e.logIndex,
                Base64.getEncoder().encodeToString(e.leafHash), new String(e.entry, StandardCharsets.UTF_8))).toList());
    }

    @GET
    @Path("log/proofs/inclusion")
    @Operation(summary = "Inclusion proof of the entry at an index in the tree of a given size (default: the current size)")
    public Uni<InclusionProof> inclusion(@QueryParam("index") long index, @QueryParam("treeSize") Long treeSize) {
        return log.inclusionProof(index, treeSize);
    }

    @GET
    @Path("log/proofs/consistency")
    @Operation(summary = "Consistency proof between two tree sizes")
    public Uni<ConsistencyProof> consistency(@QueryParam("from") long from, @QueryParam("to") long to) {
        return log.consistencyProof(from, to);
    }

    @GET
    @Path("log/verify")
    @Operation(summary = "Rehash every entry and check every tree head ever signed",
            description = "Anyone may ask, a few times a minute (429 beyond): it reads the whole log. Auditors who verify "
                    + "often rebuild it from the entries themselves.")
    @APIResponse(responseCode = "429", description = "Too many verifications were asked for in the last minute")
    @RateLimit(value = 10, window = 1, windowUnit = ChronoUnit.MINUTES)
    @Bulkhead(1)
    public Uni<LogVerification> verify() {
        return log.verify();
    }

    @GET
    @Path("seeds")
    @Operation(summary = "Random-draw seeds: SHA-256 commitments published ahead, seeds revealed once their period has ended")
    public Uni<List<SeedService.PublishedSeed>> seeds(@QueryParam("limit") @DefaultValue("60") int limit) {
        return seeds.published(Math.max(1, Math.min(limit, 400)));
    }

    @GET
    @Path("random-draws/{period}/verify")
    @Operation(summary = "Recompute every random pick of a closed period from its revealed seed and compare with the log")
    @APIResponse(responseCode = "429", description = "Too many verifications were asked for in the last minute")
    @RateLimit(value = 30, window = 1, windowUnit = ChronoUnit.MINUTES)
    @Bulkhead(2)
    public Uni<DrawVerification> verifyDraws(@PathParam("period") String period) {
        return draws.verify(period);
    }
}
