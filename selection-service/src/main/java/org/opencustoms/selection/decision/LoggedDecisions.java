package org.opencustoms.selection.decision;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.log.DecisionLog;
import org.opencustoms.selection.log.InclusionProof;
import org.opencustoms.selection.log.TreeHead;

import java.util.UUID;

/** Decisions as supervisors and auditors read them: with their log index and the proof that the signed tree head includes them. */
@ApplicationScoped
public class LoggedDecisions {

    public record LoggedDecision(Decision decision, long logIndex, InclusionProof inclusionProof, TreeHead treeHead) {
    }

    private final DecisionService decisions;
    private final DecisionLog log;

    public LoggedDecisions(DecisionService decisions, DecisionLog log) {
        this.decisions = decisions;
        this.log = log;
    }

    public Uni<LoggedDecision> byId(UUID id) {
        return decisions.find(id).chain(this::withProof);
    }

    public Uni<LoggedDecision> forFiling(UUID filingId) {
        return decisions.latestForFiling(filingId).chain(this::withProof);
    }

    private Uni<LoggedDecision> withProof(Decision decision) {
        return decisions.logIndex(decision.id()).chain(index -> log.currentTreeHead().onFailure().retry().atMost(2)
                .chain(head -> log.inclusionProof(index, head.treeSize())
                        .map(proof -> new LoggedDecision(decision, index, proof, head))));
    }
}
