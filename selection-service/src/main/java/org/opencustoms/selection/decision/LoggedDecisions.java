package org.opencustoms.selection.decision;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.selection.disclosure.DisclosureRecords;
import org.opencustoms.selection.log.DecisionLog;
import org.opencustoms.selection.log.InclusionProof;
import org.opencustoms.selection.log.LogEntryEntity;
import org.opencustoms.selection.log.TreeHead;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Decisions as supervisors and auditors read them, at any time: the whole decision, what its leaf commits to with
 * both salts (so the commitment and the intelligence commitment can be checked), its log index and the proof that
 * the signed tree head includes it. Every read is recorded as a disclosure.
 */
@ApplicationScoped
public class LoggedDecisions {

    public record LoggedDecision(Decision decision, long logIndex, int format, String envelope, String disclosed, String salt,
                                 String intelligenceSalt, InclusionProof inclusionProof, TreeHead treeHead) {
    }

    private final DecisionService decisions;
    private final DecisionLog log;
    private final DisclosureRecords records;

    public LoggedDecisions(DecisionService decisions, DecisionLog log, DisclosureRecords records) {
        this.decisions = decisions;
        this.log = log;
        this.records = records;
    }

    @WithTransaction
    public Uni<LoggedDecision> byId(UUID id, Caller caller) {
        return decisions.find(id).chain(decision -> withProof(decision, caller));
    }

    @WithTransaction
    public Uni<LoggedDecision> forFiling(UUID filingId, Caller caller) {
        return decisions.latestForFiling(filingId).chain(decision -> withProof(decision, caller));
    }

    private Uni<LoggedDecision> withProof(Decision decision, Caller caller) {
        return decisions.logIndex(decision.id()).chain(index -> log.entryInSession(index)).chain(entry -> log.currentTreeHead()
                .chain(head -> log.inclusionProofInSession(entry.logIndex, head.treeSize())
                        .map(proof -> view(decision, entry, proof, head))))
                .call(logged -> records.record(DisclosureRecords.Kind.DECISION, Long.toString(logged.logIndex()), caller));
    }

    private static LoggedDecision view(Decision decision, LogEntryEntity entry, InclusionProof proof, TreeHead head) {
        Base64.Encoder b64 = Base64.getEncoder();
        boolean committed = entry.format == 2;
        return new LoggedDecision(decision, entry.logIndex, entry.format,
                new String(entry.entry, StandardCharsets.UTF_8),
                committed ? new String(entry.disclosed, StandardCharsets.UTF_8) : null,
                committed ? b64.encodeToString(entry.salt) : null,
                committed ? b64.encodeToString(entry.intelligenceSalt) : null, proof, head);
    }
}
