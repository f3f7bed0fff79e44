package org.opencustoms.selection.disclosure;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.selection.decision.CanonicalJson;
import org.opencustoms.selection.decision.DecisionRepository;
import org.opencustoms.selection.decision.DisclosedDecision;
import org.opencustoms.selection.isf.repository.IsfFilingRepository;
import org.opencustoms.selection.isf.service.FilingAccess;
import org.opencustoms.selection.log.DecisionLog;
import org.opencustoms.selection.log.InclusionProof;
import org.opencustoms.selection.log.TreeHead;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An importer's answer to "why was I inspected": the decision on its own filing, once the shipment can no longer be
 * warned, with what anyone needs to check it against the public log: the exact committed bytes, their salt, the leaf
 * and its inclusion proof in a signed tree head. Before that, and for another party's filing, there is nothing.
 */
@ApplicationScoped
public class OwnDecisions {

    public record OwnDecision(DisclosedDecision decision, String content, String salt, String envelope, long logIndex,
                              InclusionProof inclusionProof, TreeHead treeHead, Instant disclosableSince) {
    }

    private final IsfFilingRepository filings;
    private final DecisionRepository decisions;
    private final ShipmentClosures closures;
    private final DisclosureRecords records;
    private final DecisionLog log;

    public OwnDecisions(IsfFilingRepository filings, DecisionRepository decisions, ShipmentClosures closures,
                        DisclosureRecords records, DecisionLog log) {
        this.filings = filings;
        this.decisions = decisions;
        this.closures = closures;
        this.records = records;
        this.log = log;
    }

    @WithTransaction
    public Uni<OwnDecision> forFiling(UUID filingId, Caller caller) {
        FilingAccess access = FilingAccess.of(caller);
        return filings.findById(filingId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("filing", filingId))
                .invoke(filing -> {
                    if (!access.allows(filing)) {
                        throw ProblemException.notFound("filing", filingId);
                    }
                })
                .chain(filing -> closures.closedForImporter(filingId))
                .chain(closure -> {
                    if (closure.decisionId() == null) {
                        throw ProblemException.conflict("decision-not-disclosed", "the decision on a filing is shown to its "
                                + "importer once the shipment has been released or its inspection closed");
                    }
                    // exactly the decision the closure was judged on, even if an amendment committed since
                    return decisions.findById(closure.decisionId()).chain(decision -> log.entryInSession(decision.logIndex))
                            .chain(entry -> {
                                if (entry.format != 2) {
                                    throw ProblemException.conflict("decision-predates-commitments", "this decision was logged "
                                            + "before the log held commitments; ask customs for it through an appeal");
                                }
                                return log.currentTreeHead().chain(head -> log.inclusionProofInSession(entry.logIndex, head.treeSize())
                                        .map(proof -> new OwnDecision(CanonicalJson.read(entry.disclosed, DisclosedDecision.class),
                                                text(entry.disclosed), Base64.getEncoder().encodeToString(entry.salt), text(entry.entry),
                                                entry.logIndex, proof, head, closure.closedAt())));
                            })
                            .call(own -> records.record(DisclosureRecords.Kind.DECISION, Long.toString(own.logIndex()), caller));
                });
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
