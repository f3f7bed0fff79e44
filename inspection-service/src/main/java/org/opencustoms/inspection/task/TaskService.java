package org.opencustoms.inspection.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.finding.FindingRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creating tasks from selections, and who works on them. */
@ApplicationScoped
public class TaskService {

    static final Set<String> LANES = Set.of("DOCUMENT_REVIEW", "NII_SCAN", "PHYSICAL_EXAM");
    private static final Set<String> SOURCES = Set.of("RULE", "MODEL", "RANDOM", "CAPACITY");

    private final Db db;
    private final TaskRepository tasks;
    private final FindingRepository findings;
    private final Duration dueAfterArrival;

    @Inject
    public TaskService(Db db, TaskRepository tasks, FindingRepository findings,
                       @ConfigProperty(name = "inspection.task.due-after-arrival") Duration dueAfterArrival) {
        this.db = db;
        this.tasks = tasks;
        this.findings = findings;
        this.dueAfterArrival = dueAfterArrival;
    }

    /**
     * The shipment's task for this decision. A filing has one task: the first decision creates it, a later decision
     * (after an amendment) supersedes it in place, and a decision older than the task's is ignored. Idempotent on
     * the decision id. {@code created} is true only when a task was inserted.
     */
    public TaskRepository.Created create(HandoffRequest handoff, String actor) {
        List<FieldViolation> violations = violations(handoff);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid inspection hand-off", violations);
        }
        Instant now = Instant.now();
        Instant arrival = handoff.estimatedArrivalAt();
        Instant dueAt = (arrival != null && arrival.isAfter(now) ? arrival : now).plus(dueAfterArrival);
        Task task = new Task(UUID.randomUUID(), handoff.decisionId(), handoff.filingId(), handoff.filingVersion(), handoff.shipmentKey(),
                handoff.port(), handoff.lane(), List.copyOf(handoff.containers()), handoff.billOfLading(),
                handoff.reasons() == null ? List.of() : List.copyOf(handoff.reasons()), handoff.riskScore(), handoff.pickedAtRandom(),
                arrival, dueAt, TaskStatus.OPEN, null, 1, now, now, null, handoff.importerParty());
        return db.transaction(tx -> {
            // the filing's lock first: a slow first delivery of a decision must see what its retry already did
            Optional<Task> latest = tasks.latestForFilingForUpdate(tx, handoff.filingId());
            Optional<Task> delivered = tasks.findByDecision(tx, handoff.decisionId());
            if (delivered.isPresent()) {
                return new TaskRepository.Created(delivered.get(), false);
            }
            if (latest.isEmpty()) {
                Optional<TaskRepository.EarlyCancellation> cancelledFirst = tasks.cancellationBefore(tx, handoff.filingId())
                        .filter(early -> early.filingVersion() >= handoff.filingVersion());
                TaskRepository.Created created = tasks.insertIfAbsent(tx, cancelledFirst.isPresent() ? task.cancelled() : task);
                if (created.created()) {
                    tasks.recordEvent(tx, created.task().id(), actor, "CREATED", "decision " + handoff.decisionId());
                    cancelledFirst.ifPresent(early -> tasks.recordEvent(tx, created.task().id(), actor, "CANCELLED",
                            early.reason() + " (the cancellation arrived before the task)"));
                    attachWaitingFindings(tx, created.task(), actor);
                }
                return created;
            }
            Task current = latest.get();
            if (current.filingVersion() > handoff.filingVersion()) {
                // an older decision delivered late: the task already follows a newer version of the filing
                return new TaskRepository.Created(current, false);
            }
            if (current.status() == TaskStatus.SUBMITTED) {
                String detail = "decision " + handoff.decisionId() + " for filing version " + handoff.filingVersion()
                        + " selected the shipment again after its outcome was recorded";
                if (!tasks.hasEvent(tx, current.id(), "RESELECTED", detail)) {
                    tasks.recordEvent(tx, current.id(), actor, "RESELECTED", detail);
                }
                return new TaskRepository.Created(current, false);
            }
            Task updated = tasks.supersede(tx, current, task);
            String kind = current.status() == TaskStatus.CANCELLED ? "REOPENED" : "SUPERSEDED";
            tasks.recordEvent(tx, updated.id(), actor, kind, "decision " + handoff.decisionId() + " for filing version "
                    + handoff.filingVersion() + " replaces decision " + current.decisionId() + " for version " + current.filingVersion()
                    + (current.status() == TaskStatus.CLAIMED && updated.assignee() == null ? "; the port changed, so the task is open again" : ""));
            attachWaitingFindings(tx, updated, actor);
            return new TaskRepository.Created(updated, false);
        });
    }

    private void attachWaitingFindings(Db.Tx tx, Task task, String actor) {
        int attached = findings.attachWaiting(tx, task.id(), task.containers());
        if (attached > 0) {
            tasks.recordEvent(tx, task.id(), actor, "FINDINGS_ATTACHED", attached + " scan findings that arrived first");
        }
    }

    /**
     * The shipment no longer needs inspecting: its filing was withdrawn, or a decision on a newer version released it.
     * Cancels the filing's live task unless that task already follows a newer version; empty when no live task was cancelled.
     */
    public Optional<Task> cancel(CancellationRequest cancellation, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        if (cancellation == null || cancellation.filingId() == null) {
            violations.add(new FieldViolation("filingId", "required"));
        }
        if (cancellation == null || cancellation.filingVersion() == null || cancellation.filingVersion() < 1) {
            violations.add(new FieldViolation("filingVersion", "required, at least 1"));
        }
        if (cancellation == null || cancellation.reason() == null) {
            violations.add(new FieldViolation("reason", "required: WITHDRAWN or RELEASED_AFTER_AMENDMENT"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("Invalid cancellation", violations);
        }
        return db.transaction(tx -> {
            Optional<Task> latest = tasks.latestForFilingForUpdate(tx, cancellation.filingId());
            if (latest.isEmpty()) {
                tasks.rememberCancellation(tx, cancellation);
            }
            return latest.filter(task -> task.status().isLive() && task.filingVersion() <= cancellation.filingVersion())
                    .map(task -> {
                        Task cancelled = tasks.update(tx, task.id(), "status = 'CANCELLED'", "true").orElseThrow();
                        tasks.recordEvent(tx, task.id(), actor, "CANCELLED", cancellation.reason().text()
                                + (cancellation.decisionId() == null ? "" : " (decision " + cancellation.decisionId() + ")"));
                        return cancelled;
                    });
        });
    }

    public Task claim(UUID id, String inspector) {
        return db.transaction(tx -> tasks.update(tx, id, "status = 'CLAIMED', assignee = $2", "status = 'OPEN'", inspector)
                .map(task -> event(tx, task, inspector, "CLAIMED", null))
                .orElseGet(() -> {
                    Task current = existing(tx, id);
                    if (current.status() == TaskStatus.CLAIMED && inspector.equals(current.assignee())) {
                        return current;
                    }
                    throw conflict("task-taken", current.status() == TaskStatus.SUBMITTED
                            ? "the task already has an outcome"
                            : "the task is claimed by " + current.assignee());
                }));
    }

    public Task release(UUID id, String actor, boolean supervisor) {
        return db.transaction(tx -> tasks.update(tx, id, "status = 'OPEN', assignee = null",
                        "status = 'CLAIMED' and (assignee = $2 or $3)", actor, supervisor)
                .map(task -> event(tx, task, actor, "RELEASED", null))
                .orElseThrow(() -> {
                    Task current = existing(tx, id);
                    return conflict("not-yours", current.status() != TaskStatus.CLAIMED
                            ? "only a claimed task can be released; this one is " + current.status()
                            : "the task is claimed by " + current.assignee() + "; only they or a supervisor can release it");
                }));
    }

    public Task assign(UUID id, String assignee, String supervisor) {
        if (assignee == null || !assignee.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new InvalidRequestException("Invalid assignment", List.of(new FieldViolation("assignee", "required: a user name")));
        }
        return db.transaction(tx -> tasks.update(tx, id, "status = 'CLAIMED', assignee = $2", "status in ('OPEN', 'CLAIMED')", assignee)
                .map(task -> event(tx, task, supervisor, "ASSIGNED", "to " + assignee))
                .orElseThrow(() -> existing(tx, id).status() == TaskStatus.CANCELLED
                        ? conflict("task-cancelled", "the task was cancelled; it cannot be assigned")
                        : conflict("task-submitted", "the task already has an outcome; it cannot be reassigned")));
    }

    private Task event(Db.Tx tx, Task task, String actor, String kind, String detail) {
        tasks.recordEvent(tx, task.id(), actor, kind, detail);
        return task;
    }

    private Task existing(Db.Tx tx, UUID id) {
        return tasks.findForUpdate(tx, id).orElseThrow(() -> ProblemException.notFound("Inspection task", id));
    }

    private static ProblemException conflict(String type, String detail) {
        return new ProblemException(Problem.of(409, type, "Conflict", detail));
    }

    private static List<FieldViolation> violations(HandoffRequest h) {
        List<FieldViolation> v = new ArrayList<>();
        require(v, h.decisionId() != null, "decisionId", "required");
        require(v, h.filingId() != null, "filingId", "required");
        require(v, h.filingVersion() != null && h.filingVersion() > 0, "filingVersion", "required: 1 or more");
        require(v, h.shipmentKey() != null && !h.shipmentKey().isBlank() && h.shipmentKey().length() <= 200, "shipmentKey", "required");
        require(v, h.port() != null && h.port().matches("[A-Z]{2}[A-Z2-9]{3}"), "port", "required: a UN/LOCODE such as USLAX");
        require(v, h.lane() != null && LANES.contains(h.lane()), "lane", "one of " + String.join(", ", LANES.stream().sorted().toList()));
        require(v, h.containers() != null && !h.containers().isEmpty() && h.containers().size() <= 500, "containers", "1 to 500 container numbers");
        if (h.containers() != null) {
            for (int i = 0; i < h.containers().size(); i++) {
                require(v, ContainerNumbers.isValid(h.containers().get(i)), "containers[" + i + "]", "not an ISO 6346 container number");
            }
        }
        require(v, h.riskScore() != null && h.riskScore() >= 0 && h.riskScore() <= 1, "riskScore", "required: 0 to 1");
        require(v, h.pickedAtRandom() != null, "pickedAtRandom", "required");
        require(v, h.importerParty() == null || h.importerParty().matches("[A-Za-z0-9-]{2,32}"), "importerParty",
                "2 to 32 letters, digits or dashes");
        if (h.reasons() != null) {
            for (int i = 0; i < h.reasons().size(); i++) {
                Reason r = h.reasons().get(i);
                require(v, r != null && r.source() != null && SOURCES.contains(r.source()) && r.text() != null && !r.text().isBlank(),
                        "reasons[" + i + "]", "a source (RULE, MODEL, RANDOM or CAPACITY) and a text");
            }
        }
        return v;
    }

    private static void require(List<FieldViolation> v, boolean ok, String field, String message) {
        if (!ok) {
            v.add(new FieldViolation(field, message));
        }
    }
}
