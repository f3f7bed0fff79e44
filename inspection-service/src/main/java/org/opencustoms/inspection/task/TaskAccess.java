package org.opencustoms.inspection.task;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opencustoms.common.identity.Caller;
import org.opencustoms.common.identity.Roles;
import org.opencustoms.common.problem.ProblemException;

import java.util.Set;
import java.util.UUID;

/**
 * Which tasks the caller may see: an inspector those at its own ports, an importer those of its own
 * filings, supervisors all. Any other task is "not found", so its existence is not disclosed.
 */
@ApplicationScoped
public class TaskAccess {

    private final TaskRepository tasks;
    private final SecurityIdentity identity;

    @Inject
    public TaskAccess(TaskRepository tasks, SecurityIdentity identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    public Task require(UUID id) {
        Caller caller = Caller.of(identity);
        return tasks.find(id).filter(task -> allows(caller, task))
                .orElseThrow(() -> ProblemException.notFound("Inspection task", id));
    }

    /** The ports an inspector's task list is limited to; null for a supervisor (every port). */
    public Set<String> listablePorts() {
        Caller caller = Caller.of(identity);
        return caller.is(Roles.SUPERVISOR) ? null : caller.ports();
    }

    static boolean allows(Caller caller, Task task) {
        if (caller.is(Roles.SUPERVISOR) || (caller.is(Roles.INSPECTOR) && caller.ports().contains(task.port()))) {
            return true;
        }
        return caller.is(Roles.IMPORTER) && caller.party() != null && caller.party().equals(task.importerParty());
    }
}
