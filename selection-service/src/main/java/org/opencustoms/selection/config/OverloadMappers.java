package org.opencustoms.selection.config;

import io.smallrye.faulttolerance.api.RateLimitException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opencustoms.common.problem.Problem;

/** Expensive public endpoints that are rate-limited or busy answer 429 with a problem, and say when to come back. */
public class OverloadMappers {

    @ServerExceptionMapper
    public Response rateLimited(RateLimitException e, HttpServerRequest request) {
        return tooMany(request, "this verification was asked for too often in the last minute; try again shortly", 60);
    }

    @ServerExceptionMapper
    public Response busy(BulkheadException e, HttpServerRequest request) {
        return tooMany(request, "a verification is already running; try again when it has finished", 10);
    }

    private static Response tooMany(HttpServerRequest request, String detail, int retryAfterSeconds) {
        return Response.status(429).type(Problem.MEDIA_TYPE)
                .header("Retry-After", retryAfterSeconds)
                .entity(Problem.of(429, "rate-limited", "Too Many Requests", detail).at(request.path())).build();
    }
}
