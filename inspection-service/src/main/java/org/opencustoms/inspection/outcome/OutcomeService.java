package org.opencustoms.inspection.outcome;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencustoms.common.problem.FieldViolation;
import org.opencustoms.common.problem.InvalidRequestException;
import org.opencustoms.common.problem.Problem;
import org.opencustoms.common.problem.ProblemException;
import org.opencustoms.inspection.db.Db;
import org.opencustoms.inspection.db.IdempotencyStore;
import org.opencustoms.inspection.db.Json;
import org.opencustoms.inspection.feedback.FeedbackOutbox;
import org.opencustoms.inspection.finding.FindingRepository;
import org.opencustoms.inspection.photo.PhotoRepository;
import org.opencustoms.inspection.task.Task;
import org.opencustoms.inspection.task.TaskRepository;
import org.opencustoms.inspection.task.TaskStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records outcomes. Each one is a new version in one transaction with the task's state, the label for
 * selection-service and the Idempotency-Key record, so a retry can neither duplicate nor lose it.
 */
@ApplicationScoped
public class OutcomeService {

    private final Db db;
    private final TaskRepository tasks;
    private final OutcomeRepository outcomes;
    private final FindingRepository findings;
    private final PhotoRepository photos;
    private final FeedbackOutbox feedback;
    private final IdempotencyStore idempotency;
    private final Json json;

    @Inject
    public OutcomeService(Db db, TaskRepository tasks, OutcomeRepository outcomes, FindingRepository findings, PhotoRepository photos,
                          FeedbackOutbox feedback, IdempotencyStore idempotency, Json json) {
        this.db = db;
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.findings = findings;
        this.photos = photos;
        this.feedback = feedback;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** The outcome version this request recorded, or recorded the first time its Idempotency-Key was used. */
    public Recorded record(UUID taskId, String ifMatch, String idempotencyKey, OutcomeRequest outcome, String actor, boolean supervisor) {
        String fingerprint = IdempotencyStore.fingerprint(json.write(outcome));
        String scope = "outcome:" + taskId;
        return db.transaction(tx -> {
            if (idempotencyKey != null) {
                var earlier = idempotency.find(tx, scope, idempotencyKey);
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(fingerprint)) {
                        throw new ProblemException(Problem.of(409, "idempotency-key-reused", "Conflict",
                                "this Idempotency-Key was used for a different outcome; use a new key for a new outcome"));
                    }
                    return new Recorded(Integer.parseInt(earlier.get().body()), true);
                }
            }
            Task task = tasks.findForUpdate(tx, taskId).orElseThrow(() -> ProblemException.notFound("Inspection task", taskId));
            if (task.status() == TaskStatus.CANCELLED && !supervisor) {
                // the tablet keeps the outcome (a failed item it can show); a supervisor can still record it if the container was opened
                throw new ProblemException(Problem.of(409, "task-cancelled", "Conflict",
                        "the shipment no longer needs inspecting (its filing was withdrawn or released); ask a supervisor to record this outcome"));
            }
            requireCurrentVersion(task, ifMatch);
            requireMayRecord(task, actor, supervisor);
            int previous = outcomes.latestVersion(tx, taskId);
            List<FieldViolation> violations = OutcomeValidator.violations(outcome, previous > 0, findings.forTask(tx, taskId), photos.idsForTask(tx, taskId));
            if (!violations.isEmpty()) {
                throw new InvalidRequestException("Invalid outcome", violations);
            }
            int version = previous + 1;
            Instant now = Instant.now();
            outcomes.insert(tx, taskId, version, outcome, actor, now);
            tasks.update(tx, taskId, "status = 'SUBMITTED', submitted_at = coalesce(submitted_at, now())", "true");
            feedback.enqueue(tx, task, version, outcome, now);
            tasks.recordEvent(tx, taskId, actor, previous > 0 ? "OUTCOME_CORRECTED" : "OUTCOME_RECORDED", "version " + version);
            if (idempotencyKey != null) {
                idempotency.remember(tx, scope, idempotencyKey, fingerprint, 200, Integer.toString(version));
            }
            return new Recorded(version, false);
        });
    }

    private static void requireCurrentVersion(Task task, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "if-match-required", "Precondition required",
                    "send If-Match with the task version you saw (its ETag), so that nobody's change is overwritten"));
        }
        String seen = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!seen.equals(Integer.toString(task.version()))) {
            throw ProblemException.preconditionFailed("the task is at version " + task.version() + ", not " + seen
                    + ": someone else changed it; reload it and submit again");
        }
    }

    private static void requireMayRecord(Task task, String actor, boolean supervisor) {
        if (supervisor || actor.equals(task.assignee())) {
            return;
        }
        if (task.status() == TaskStatus.OPEN) {
            throw new ProblemException(Problem.of(409, "claim-first", "Conflict", "claim the task before recording its outcome"));
        }
        throw new ProblemException(Problem.of(403, "not-your-task", "Forbidden",
                "the task is assigned to " + task.assignee() + "; only they or a supervisor can record its outcome"));
    }

    public record Recorded(int outcomeVersion, boolean replayed) {
    }
}
