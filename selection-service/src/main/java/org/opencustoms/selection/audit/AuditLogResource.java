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
import org.opencustoms.selection.log.LogEntryEntity;
import org.opencustoms.selection.log.LogSigner;
import org.opencustoms.selection.log.LogVerification;
import org.opencustoms.selection.log.TreeHead;
import org.opencustoms.selection.random.DrawVerification;
import org.opencustoms.selection.random.DrawVerifier;
import org.opencustoms.selection.random.SeedService;
import org.opencustoms.selection.disclosure.Transparency;
import org.opencustoms.common.identity.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import java.time.Instant;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Public verification material: anyone can watch the decision log grow, check its signed heads and proofs, and see
 * every commitment; decision contents and seeds come out only under the disclosure rules ({@code disclosure}).
 */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Decision log (RFC 6962), signed tree heads, proofs, random-draw seeds")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    /** A leaf as published: its envelope (a commitment) from format 2 on; a format 1 leaf is shown by its hash alone. */
    public record LogEntry(long index, String leafHash, int format, String envelope) {
        static LogEntry of(LogEntryEntity e) {
            return new LogEntry(e.logIndex, Base64.getEncoder().encodeToString(e.leafHash), e.format,
                    e.format == 2 ? new String(e.entry, StandardCharsets.UTF_8) : null);
        }
    }

    public record PublishedKey(String keyId, String algorithm, String publicKey, String pem, Instant createdAt, Instant retiredAt,
                               boolean current) {
        public static PublishedKey of(LogSigner.SigningKey key) {
            byte[] der = key.publicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
            return new PublishedKey(key.keyId(), "Ed25519", Base64.getEncoder().encodeToString(der), pem, key.createdAt(),
                    key.retiredAt(), key.current());
        }
    }

    private final DecisionLog log;
    private final Transparency transparency;
    private final DrawVerifier draws;
    /** Public endpoints: the caller, if any, is resolved without blocking the event loop. */
    private final CurrentIdentityAssociation identity;

    public AuditLogResource(DecisionLog log, Transparency transparency, DrawVerifier draws, CurrentIdentityAssociation identity) {
        this.log = log;
        this.transparency = transparency;
        this.draws = draws;
        this.identity = identity;
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
    @Operation(summary = "The Ed25519 public key new tree heads are signed with (X.509 SubjectPublicKeyInfo, base64 and PEM)")
    public Uni<Map<String, String>> publicKey() {
        return log.currentKey().map(PublishedKey::of).map(key -> Map.of("algorithm", key.algorithm(), "keyId", key.keyId(),
                "publicKey", key.publicKey(), "pem", key.pem(),
                "signedData", "UTF-8 of: opencustoms-decision-log/v1\\n<treeSize>\\n<rootHash base64>\\n<timestampMillis>\\n"));
    }

    @GET
    @Path("log/keys")
    @Operation(summary = "Every key that has signed tree heads, oldest first: a head names its key by keyId, and a retired key "
            + "still verifies the heads it signed")
    public Uni<List<PublishedKey>> keys() {
        return log.keys().map(keys -> keys.stream().map(PublishedKey::of).toList());
    }

    @GET
    @Path("log/entries/{index}")
    @Operation(summary = "The log entry at an index: its leaf hash and the envelope it hashes (index, time, period, commitment)")
    public Uni<LogEntry> entry(@PathParam("index") long index) {
        return log.entry(index).map(LogEntry::of);
    }

    @GET
    @Path("log/entries")
    @Operation(summary = "Consecutive log entries from an index, for auditors who rebuild the tree themselves")
    public Uni<List<LogEntry>> entries(@QueryParam("from") @DefaultValue("0") long from,
                                       @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (from < 0 || limit < 1 || limit > 5000) {
            throw ProblemException.badRequest("paging", "from must be 0 or more and limit 1 to 5000");
        }
        return log.entries(from, limit).map(list -> list.stream().map(LogEntry::of).toList());
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
    @Operation(summary = "Random-draw seeds: SHA-256 commitments published ahead; a seed is revealed with its period's decisions, "
            + "when the embargo ends (auditors and supervisors: once the period has ended, recorded)")
    public Uni<List<SeedService.PublishedSeed>> seeds(@QueryParam("limit") @DefaultValue("60") int limit) {
        return caller().chain(caller -> transparency.seeds(Math.max(1, Math.min(limit, 400)), caller));
    }

    @GET
    @Path("seeds/{period}")
    @Operation(summary = "One period's seed commitment, and the seed where the caller may learn it")
    public Uni<SeedService.PublishedSeed> seed(@PathParam("period") String period) {
        return caller().chain(caller -> transparency.seed(period, caller));
    }

    @GET
    @Path("random-draws/{period}/verify")
    @Operation(summary = "Recompute every random pick of a disclosed period from its seed and compare with the log "
            + "(auditors and supervisors: any period that has ended)")
    @APIResponse(responseCode = "409", description = "The period is embargoed: its seed is not revealed to the caller yet")
    @APIResponse(responseCode = "429", description = "Too many verifications were asked for in the last minute")
    @RateLimit(value = 30, window = 1, windowUnit = ChronoUnit.MINUTES)
    @Bulkhead(2)
    public Uni<DrawVerification> verifyDraws(@PathParam("period") String period) {
        return caller().chain(caller -> transparency.requireDrawsReadable(period, caller)).chain(below -> draws.verify(period, below));
    }

    private Uni<Caller> caller() {
        return identity.getDeferredIdentity().map(Caller::of);
    }
}
