package org.opencustoms.selection.isf.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.compliance.DiscrepancyDetector;
import org.opencustoms.selection.isf.compliance.DiscrepancyDetector.Finding;
import org.opencustoms.selection.isf.compliance.DiscrepancyDetector.StatusFacts;
import org.opencustoms.selection.isf.compliance.DiscrepancyDetector.StowPlanFacts;
import org.opencustoms.selection.isf.entity.ContainerStatusMessageEntity;
import org.opencustoms.selection.isf.entity.FilingDiscrepancyEntity;
import org.opencustoms.selection.isf.entity.IsfFilingEntity;
import org.opencustoms.selection.isf.model.Discrepancy;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.repository.DiscrepancyRepository;
import org.opencustoms.selection.isf.repository.StatusMessageRepository;
import org.opencustoms.selection.isf.repository.StowPlanRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Records the discrepancies of a filing version, each once. Runs inside the caller's transaction. */
@ApplicationScoped
public class DiscrepancyRecorder {

    private final DiscrepancyRepository discrepancies;
    private final StowPlanRepository stowPlans;
    private final StatusMessageRepository statusMessages;

    public DiscrepancyRecorder(DiscrepancyRepository discrepancies, StowPlanRepository stowPlans,
                               StatusMessageRepository statusMessages) {
        this.discrepancies = discrepancies;
        this.stowPlans = stowPlans;
        this.statusMessages = statusMessages;
    }

    /** A new filing version against everything the carrier has already sent. */
    public Uni<List<Discrepancy>> checkNewVersion(IsfFilingEntity filing, IsfFiling document) {
        return stowPlans.latestFor(filing.vesselKey)
                .chain(plan -> plan == null
                        ? Uni.createFrom().item(List.<Finding>of())
                        : stowPlans.containersOf(plan.id).map(containers ->
                                DiscrepancyDetector.againstStowPlan(document, new StowPlanFacts(plan.id, Set.copyOf(containers)))))
                .chain(fromPlan -> statusMessages.forContainers(document.containerList()).map(messages -> {
                    List<Finding> all = new ArrayList<>(fromPlan);
                    for (ContainerStatusMessageEntity message : messages) {
                        all.addAll(DiscrepancyDetector.againstStatus(document, filing.vesselKey, facts(message)));
                    }
                    return all;
                }))
                .chain(findings -> record(filing, findings));
    }

    public static StatusFacts facts(ContainerStatusMessageEntity message) {
        return new StatusFacts(message.id, message.containerNumber, message.billOfLading, message.eventCode, message.place,
                message.vesselKey);
    }

    /** Persists the findings not yet recorded for the filing's current version; returns those it added. */
    public Uni<List<Discrepancy>> record(IsfFilingEntity filing, List<Finding> findings) {
        if (findings.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return discrepancies.forVersion(filing.id, filing.currentVersion).chain(existing -> {
            Set<String> known = new HashSet<>();
            existing.forEach(e -> known.add(e.kind + '|' + e.sourceId + '|' + e.detail));
            Instant now = Instant.now();
            List<FilingDiscrepancyEntity> added = new ArrayList<>();
            for (Finding finding : findings) {
                if (known.add(finding.kind() + '|' + finding.sourceId() + '|' + finding.detail())) {
                    added.add(entity(filing, finding, now));
                }
            }
            return discrepancies.persist(added).replaceWith(added.stream().map(DiscrepancyRecorder::view).toList());
        });
    }

    public static Discrepancy view(FilingDiscrepancyEntity e) {
        return new Discrepancy(e.filingId, e.kind, e.detail, e.source, e.sourceId, e.detectedAt);
    }

    private static FilingDiscrepancyEntity entity(IsfFilingEntity filing, Finding finding, Instant now) {
        FilingDiscrepancyEntity entity = new FilingDiscrepancyEntity();
        entity.id = UUID.randomUUID();
        entity.filingId = filing.id;
        entity.filingVersion = filing.currentVersion;
        entity.kind = finding.kind();
        entity.detail = finding.detail();
        entity.source = finding.source();
        entity.sourceId = finding.sourceId();
        entity.detectedAt = now;
        return entity;
    }
}
