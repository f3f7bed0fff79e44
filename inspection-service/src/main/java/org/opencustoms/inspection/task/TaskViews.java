package org.opencustoms.inspection.task;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.inspection.db.Json;
import org.opencustoms.inspection.finding.FindingRepository;
import org.opencustoms.inspection.finding.ScanFindingRequest;
import org.opencustoms.inspection.outcome.OutcomeRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds what a caller may see of a task. */
@ApplicationScoped
public class TaskViews {

    private final FindingRepository findings;
    private final OutcomeRepository outcomes;
    private final TaskRepository tasks;
    private final Json json;
    private final Set<String> inspectorSources;

    @Inject
    public TaskViews(FindingRepository findings, OutcomeRepository outcomes, TaskRepository tasks, Json json,
                     @ConfigProperty(name = "inspection.reasons.inspector-sources") Set<String> inspectorSources) {
        this.findings = findings;
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.json = json;
        this.inspectorSources = inspectorSources;
    }

    public TaskView full(Task task, SecurityIdentity caller) {
        return view(task, caller, true);
    }

    /** For lists: no findings or outcome, which the detail brings. */
    public TaskView summary(Task task, SecurityIdentity caller) {
        return view(task, caller, false);
    }

    private TaskView view(Task task, SecurityIdentity caller, boolean detailed) {
        boolean seesInternals = caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.SELECTION_SERVICE);
        List<Reason> reasons = seesInternals ? task.reasons()
                : task.reasons().stream().filter(r -> inspectorSources.contains(r.source())).map(Reason::withoutWeight).toList();
        List<TaskView.FindingView> findingViews = detailed
                ? findings.forTask(task.id()).stream().map(f -> findingView(task, f.finding())).toList()
                : null;
        return new TaskView(task.id(), task.decisionId(), task.filingId(), task.filingVersion(), task.shipmentKey(), task.port(), task.lane(),
                task.containers(), task.billOfLading(), reasons, seesInternals ? task.riskScore() : null, task.pickedAtRandom(),
                task.estimatedArrivalAt(), task.dueAt(), task.status(), task.assignee(), task.version(), task.createdAt(), task.updatedAt(),
                findingViews, detailed ? outcomes.latest(task.id()).map(o -> o.toJson(json)).orElse(null) : null,
                detailed ? tasks.shipmentChanges(task.id()) : null);
    }

    private static TaskView.FindingView findingView(Task task, ScanFindingRequest finding) {
        List<TaskView.RegionView> regions = new ArrayList<>();
        List<ScanFindingRequest.Region> stored = finding.regions() == null ? List.of() : finding.regions();
        for (int i = 0; i < stored.size(); i++) {
            ScanFindingRequest.Region r = stored.get(i);
            regions.add(new TaskView.RegionView(i, r.x(), r.y(), r.w(), r.h(), r.score(), r.label(), r.threatClass()));
        }
        return new TaskView.FindingView(finding.scanId(), finding.containerNumber(), finding.modality(), finding.threatScore(),
                finding.emptyScore(), finding.imageWidth(), finding.imageHeight(),
                "/api/v1/inspections/" + task.id() + "/scan-findings/" + finding.scanId() + "/image",
                finding.modelVersion(), finding.analysedAt(), regions);
    }
}
