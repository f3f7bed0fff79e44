package org.opencustoms.common.problem;

/** An expected failure with its HTTP status, answered as problem+json. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(Problem.of(409, type, "Conflict", detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "stale-version", "Precondition failed", detail));
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(Problem.of(400, type, "Bad request", detail));
    }
}
