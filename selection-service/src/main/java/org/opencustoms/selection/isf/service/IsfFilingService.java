package org.opencustoms.selection.isf.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import org.opencustoms.selection.config.Sequentially;
import jakarta.enterprise.context.ApplicationScoped;
import org.opencustoms.selection.config.TimeSource;
import org.opencustoms.selection.decision.DecisionService;
import org.opencustoms.selection.decision.FilingFacts;
import org.opencustoms.selection.random.RandomDraw;
import org.opencustoms.selection.isf.compliance.ComplianceAssessor;
import org.opencustoms.selection.isf.compliance.ComplianceFacts;
import org.opencustoms.selection.isf.compliance.VesselKeys;
import org.opencustoms.selection.isf.entity.FilingReferenceEntity;
import org.opencustoms.selection.isf.entity.IsfFilingEntity;
import org.opencustoms.selection.isf.entity.IsfFilingVersionEntity;
import org.opencustoms.selection.isf.model.Compliance;
import org.opencustoms.selection.isf.model.Discrepancy;
import org.opencustoms.selection.isf.model.FilingQuery;
import org.opencustoms.selection.isf.model.FilingReceipt;
import org.opencustoms.selection.isf.model.FilingStatus;
import org.opencustoms.selection.isf.model.FilingSummary;
import org.opencustoms.selection.isf.model.FilingView;
import org.opencustoms.selection.isf.model.IsfFiling;
import org.opencustoms.selection.isf.model.PageOf;
import org.opencustoms.selection.isf.repository.DiscrepancyRepository;
import org.opencustoms.selection.isf.repository.FilingReferenceRepository;
import org.opencustoms.selection.isf.repository.IsfFilingRepository;
import org.opencustoms.selection.isf.repository.IsfFilingVersionRepository;
import org.opencustoms.selection.isf.validation.IsfFilingValidator;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Accepts, amends and withdraws filings. Versions are immutable rows; a filing only points at its current one. */
@ApplicationScoped
public class IsfFilingService {

    private final IsfFilingRepository filings;
    private final IsfFilingVersionRepository versions;
    private final FilingReferenceRepository references;
    private final DiscrepancyRepository discrepancies;
    private final DiscrepancyRecorder discrepancyRecorder;
    private final FilingDocuments documents;
    private final DecisionService decisions;
    private final TimeSource time;

    public IsfFilingService(IsfFilingRepository filings, IsfFilingVersionRepository versions, FilingReferenceRepository references,
                            DiscrepancyRepository discrepancies, DiscrepancyRecorder discrepancyRecorder, FilingDocuments documents,
                            DecisionService decisions, TimeSource time) {
        this.decisions = decisions;
        this.time = time;
        this.filings = filings;
        this.versions = versions;
        this.references = references;
        this.discrepancies = discrepancies;
        this.discrepancyRecorder = discrepancyRecorder;
        this.documents = documents;
    }

    public static void validate(IsfFiling filing) {
        List<FieldViolation> violations = IsfFilingValidator.validate(filing);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The filing is not valid", violations);
        }
    }

    /** A new filing; the caller's transaction makes it durable. */
    public Uni<FilingReceipt> create(IsfFiling filing, FilingAccess filer) {
        validate(filing);
        Instant now = time.now();
        IsfFilingEntity entity = new IsfFilingEntity();
        entity.id = UUID.randomUUID();
        entity.type = filing.type();
        entity.currentVersion = 1;
        entity.status = FilingStatus.ACCEPTED;
        entity.shipmentKey = RandomDraw.shipmentKey(filing.carrierCode(), filing.masterBillOfLading());
        entity.firstFiledAt = now;
        entity.lastChangedAt = now;
        entity.filerParty = filer.party();
        entity.filedBy = filer.subject();
        describe(entity, filing);
        ComplianceFacts facts = ComplianceAssessor.assess(filing, null, now, now);
        return filings.persist(entity)
                .chain(() -> storeVersion(entity, filing, facts, now, filer.subject()));
    }

    @WithTransaction
    public Uni<FilingReceipt> file(IsfFiling filing, FilingAccess filer) {
        return create(filing, filer);
    }

    @WithTransaction
    public Uni<FilingReceipt> amend(UUID id, IsfFiling filing, Integer expectedVersion, FilingAccess filer) {
        validate(filing);
        return load(id, filer).chain(entity -> {
            if (entity.status == FilingStatus.WITHDRAWN) {
                throw ProblemException.conflict("withdrawn", "filing " + id + " was withdrawn on " + entity.withdrawnAt
                        + " and can no longer be amended");
            }
            if (expectedVersion != null && expectedVersion != entity.currentVersion) {
                throw ProblemException.preconditionFailed("filing " + id + " is at version " + entity.currentVersion
                        + ", not " + expectedVersion);
            }
            if (entity.type != filing.type()) {
                throw new InvalidRequestException("The amendment is not valid",
                        List.of(new FieldViolation("type", "an amendment keeps the filing's type " + entity.type)));
            }
            return versions.findVersion(id, entity.currentVersion).chain(previous -> {
                Instant now = time.now();
                IsfFiling before = documents.readFiling(previous.document);
                ComplianceFacts facts = ComplianceAssessor.assess(filing, before, entity.firstFiledAt, now);
                entity.currentVersion++;
                entity.lastChangedAt = now;
                describe(entity, filing);
                return references.deleteForFiling(id)
                        .chain(() -> storeVersion(entity, filing, facts, now, filer.subject()));
            });
        });
    }

    @WithTransaction
    public Uni<FilingReceipt> withdraw(UUID id, FilingAccess filer) {
        return load(id, filer).chain(entity -> {
            Uni<Void> cancelTask = Uni.createFrom().voidItem();
            if (entity.status != FilingStatus.WITHDRAWN) {
                entity.status = FilingStatus.WITHDRAWN;
                entity.withdrawnBy = filer.subject();
                entity.withdrawnAt = time.now();
                entity.lastChangedAt = entity.withdrawnAt;
                cancelTask = decisions.withdrawn(entity);
            }
            return cancelTask.chain(() -> versions.findVersion(id, entity.currentVersion))
                    .chain(version -> view(entity, version))
                    .map(view -> new FilingReceipt(id, entity.currentVersion, entity.status, view.warnings(), view.compliance()));
        });
    }

    @WithSession
    public Uni<FilingView> current(UUID id, FilingAccess reader) {
        return load(id, reader).chain(entity -> versions.findVersion(id, entity.currentVersion).chain(version -> view(entity, version)));
    }

    @WithSession
    public Uni<List<FilingView>> history(UUID id, FilingAccess reader) {
        return load(id, reader).chain(entity -> versions.history(id).chain(all -> Sequentially.map(all, version -> view(entity, version))));
    }

    @WithSession
    public Uni<PageOf<FilingSummary>> search(FilingQuery query, FilingAccess reader) {
        return filings.search(query, reader.searchParty()).map(found -> new PageOf<>(
                found.items().stream().map(IsfFilingService::summary).toList(), query.page(), query.size(), found.total()));
    }

    private Uni<IsfFilingEntity> load(UUID id, FilingAccess access) {
        return filings.findById(id).map(found -> found != null && access.allows(found) ? found : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("filing", id));
    }

    private static void describe(IsfFilingEntity entity, IsfFiling filing) {
        entity.vesselKey = VesselKeys.of(filing.vessel());
        entity.portOfArrival = filing.portOfArrival();
        entity.partyKey = FilingFacts.partyKey(filing);
        entity.carrierCode = filing.carrierCode();
    }

    private Uni<FilingReceipt> storeVersion(IsfFilingEntity entity, IsfFiling filing, ComplianceFacts facts, Instant now, String by) {
        List<String> warnings = new ArrayList<>(ComplianceAssessor.warnings(facts));
        return references.persist(references(entity.id, filing))
                .chain(() -> discrepancyRecorder.checkNewVersion(entity, filing))
                .chain(found -> {
                    found.forEach(d -> warnings.add(d.detail()));
                    FilingStatus status = warnings.isEmpty() ? FilingStatus.ACCEPTED : FilingStatus.ACCEPTED_WITH_WARNINGS;
                    entity.status = status;
                    IsfFilingVersionEntity version = version(entity, filing, facts, status, warnings, now);
                    version.filedBy = by;
                    // the filer is not told the decision: that would tip off who is about to be inspected
                    return versions.persist(version)
                            .chain(() -> decisions.decide(entity, version.version, filing, version.document, facts, found))
                            .map(decision -> new FilingReceipt(entity.id, entity.currentVersion, status, List.copyOf(warnings),
                                    compliance(version, found)));
                });
    }

    private IsfFilingVersionEntity version(IsfFilingEntity entity, IsfFiling filing, ComplianceFacts facts, FilingStatus status,
                                           List<String> warnings, Instant now) {
        IsfFilingVersionEntity version = new IsfFilingVersionEntity();
        version.id = UUID.randomUUID();
        version.filingId = entity.id;
        version.version = entity.currentVersion;
        version.receivedAt = now;
        version.status = status;
        version.document = documents.write(filing);
        version.warnings = documents.write(warnings);
        version.filingDeadline = facts.filingDeadline();
        version.filedLate = facts.filedLate();
        version.amendedAfterLading = facts.amendedAfterLading();
        version.stuffingItemsOutstanding = facts.stuffingItemsOutstanding();
        version.stuffingItemsDeadline = facts.stuffingItemsDeadline();
        version.stuffingItemsLate = facts.stuffingItemsLate();
        return version;
    }

    private static List<FilingReferenceEntity> references(UUID filingId, IsfFiling filing) {
        Set<String> bills = new LinkedHashSet<>();
        bills.add(filing.masterBillOfLading());
        bills.addAll(filing.houseBills());
        List<FilingReferenceEntity> all = new ArrayList<>();
        bills.forEach(b -> all.add(FilingReferenceEntity.of(filingId, FilingReferenceEntity.BILL_OF_LADING, b)));
        filing.containerList().forEach(c -> all.add(FilingReferenceEntity.of(filingId, FilingReferenceEntity.CONTAINER, c)));
        return all;
    }

    private Uni<FilingView> view(IsfFilingEntity entity, IsfFilingVersionEntity version) {
        return discrepancies.forVersion(entity.id, version.version).map(found -> {
            List<Discrepancy> list = found.stream().map(DiscrepancyRecorder::view).toList();
            FilingStatus status = entity.status == FilingStatus.WITHDRAWN ? FilingStatus.WITHDRAWN : version.status;
            return new FilingView(entity.id, version.version, entity.currentVersion, status, entity.firstFiledAt,
                    version.receivedAt, entity.withdrawnAt, documents.readStrings(version.warnings),
                    compliance(version, list), documents.readFiling(version.document));
        });
    }

    private static Compliance compliance(IsfFilingVersionEntity version, List<Discrepancy> discrepancies) {
        return new Compliance(version.filingDeadline, version.filedLate, version.amendedAfterLading,
                version.stuffingItemsOutstanding, version.stuffingItemsDeadline, version.stuffingItemsLate, discrepancies);
    }

    private static FilingSummary summary(IsfFilingEntity e) {
        return new FilingSummary(e.id, e.type, e.status, e.currentVersion, e.portOfArrival, e.firstFiledAt, e.lastChangedAt);
    }
}
