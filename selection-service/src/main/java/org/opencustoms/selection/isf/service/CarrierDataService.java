package org.opencustoms.selection.isf.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.opencustoms.selection.config.Sequentially;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.isf.compliance.DiscrepancyDetector;
import org.opencustoms.selection.isf.compliance.DiscrepancyDetector.StowPlanFacts;
import org.opencustoms.selection.isf.compliance.VesselKeys;
import org.opencustoms.selection.isf.entity.ContainerStatusMessageEntity;
import org.opencustoms.selection.isf.entity.IsfFilingEntity;
import org.opencustoms.selection.isf.entity.StowPlanEntity;
import org.opencustoms.selection.isf.entity.StowPlanPositionEntity;
import org.opencustoms.selection.isf.model.ContainerStatusMessage;
import org.opencustoms.selection.isf.model.Discrepancy;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.model.StatusMessageReceipt;
import org.opencustoms.selection.isf.model.StowPlan;
import org.opencustoms.selection.isf.model.StowPlanReceipt;
import org.opencustoms.selection.isf.model.StowPosition;
import org.opencustoms.selection.isf.repository.IsfFilingRepository;
import org.opencustoms.selection.isf.repository.IsfFilingVersionRepository;
import org.opencustoms.selection.isf.repository.StatusMessageRepository;
import org.opencustoms.selection.isf.repository.StowPlanRepository;
import org.opencustoms.selection.isf.validation.CarrierDataValidator;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/** The carrier's "+2": stores stow plans and status messages and checks the filings they concern. */
@ApplicationScoped
public class CarrierDataService {

    private final StowPlanRepository stowPlans;
    private final StatusMessageRepository statusMessages;
    private final IsfFilingRepository filings;
    private final IsfFilingVersionRepository versions;
    private final DiscrepancyRecorder recorder;
    private final FilingDocuments documents;

    public CarrierDataService(StowPlanRepository stowPlans, StatusMessageRepository statusMessages, IsfFilingRepository filings,
                              IsfFilingVersionRepository versions, DiscrepancyRecorder recorder, FilingDocuments documents) {
        this.stowPlans = stowPlans;
        this.statusMessages = statusMessages;
        this.filings = filings;
        this.versions = versions;
        this.recorder = recorder;
        this.documents = documents;
    }

    @WithTransaction
    public Uni<StowPlanReceipt> receive(StowPlan plan, String receivedFrom) {
        CarrierDataValidator.validate(plan);
        StowPlanEntity entity = new StowPlanEntity();
        entity.id = UUID.randomUUID();
        entity.vesselKey = VesselKeys.of(plan.vessel());
        entity.vesselName = plan.vessel().name();
        entity.voyage = plan.vessel().voyage();
        entity.carrierCode = plan.carrierCode();
        entity.receivedFrom = receivedFrom;
        entity.receivedAt = Instant.now();
        List<StowPlanPositionEntity> positions = plan.positions().stream().map(p -> position(entity.id, p)).toList();
        Set<String> onBoard = new HashSet<>();
        positions.forEach(p -> onBoard.add(p.containerNumber));
        StowPlanFacts facts = new StowPlanFacts(entity.id, onBoard);

        return stowPlans.persist(entity)
                .chain(() -> stowPlans.persistPositions(positions))
                .chain(() -> filings.activeOnVoyage(entity.vesselKey, entity.carrierCode))
                .chain(matched -> forEach(matched, filing -> currentDocument(filing)
                        .chain(document -> recorder.record(filing, DiscrepancyDetector.againstStowPlan(document, facts))))
                        .chain(found -> filedContainers(matched).map(filed -> {
                            Set<String> unfiled = new TreeSet<>(onBoard);
                            unfiled.removeAll(filed);
                            return new StowPlanReceipt(entity.id, positions.size(), matched.size(), List.copyOf(unfiled), found);
                        })));
    }

    @WithTransaction
    /** A status message from the carrier with this SCAC, matched to that carrier's filings only. */
    public Uni<StatusMessageReceipt> receive(ContainerStatusMessage message, String carrierCode, String receivedFrom) {
        CarrierDataValidator.validate(message);
        ContainerStatusMessageEntity entity = new ContainerStatusMessageEntity();
        entity.id = UUID.randomUUID();
        entity.containerNumber = message.containerNumber();
        entity.billOfLading = message.billOfLading();
        entity.eventCode = message.eventCode();
        entity.eventAt = message.eventAt().toInstant();
        entity.place = message.place();
        entity.vesselKey = message.vessel() == null ? null : VesselKeys.of(message.vessel());
        entity.receivedAt = Instant.now();
        entity.carrierCode = carrierCode;
        entity.receivedFrom = receivedFrom;
        return statusMessages.persist(entity)
                .chain(() -> filings.activeWithContainer(entity.containerNumber, carrierCode))
                .chain(matched -> forEach(matched, filing -> currentDocument(filing)
                        .chain(document -> recorder.record(filing, DiscrepancyDetector.againstStatus(document, filing.vesselKey,
                                DiscrepancyRecorder.facts(entity)))))
                        .map(found -> new StatusMessageReceipt(entity.id, matched.stream().map(f -> f.id).toList(), found)));
    }

    private Uni<IsfFiling> currentDocument(IsfFilingEntity filing) {
        return versions.findVersion(filing.id, filing.currentVersion).map(v -> documents.readFiling(v.document));
    }

    private Uni<Set<String>> filedContainers(List<IsfFilingEntity> matched) {
        return Sequentially.map(matched, this::currentDocument).map(documents -> {
            Set<String> filed = new LinkedHashSet<>();
            documents.forEach(document -> filed.addAll(document.containerList()));
            return filed;
        });
    }

    private static Uni<List<Discrepancy>> forEach(List<IsfFilingEntity> matched,
                                                  Function<IsfFilingEntity, Uni<List<Discrepancy>>> check) {
        return Sequentially.map(matched, check).map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private static StowPlanPositionEntity position(UUID planId, StowPosition p) {
        StowPlanPositionEntity position = new StowPlanPositionEntity();
        position.id = UUID.randomUUID();
        position.stowPlanId = planId;
        position.containerNumber = p.containerNumber();
        position.bay = p.bay();
        position.row = p.row();
        position.tier = p.tier();
        return position;
    }
}
