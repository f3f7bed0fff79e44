package org.opencustoms.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} is refused by the HTTP layer before any
 * resource sees it; this makes that refusal a problem+json like every other, instead of an empty 413.
 */
@ApplicationScoped
public class BodyLimitProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize limit;

    void install(@Observes Router router) {
        // ahead of the body handler: a declared length over the limit is answered before the body is read
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversize);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::describeOversize);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit.asLongValue()) {
                    context.response().putHeader(HttpHeaders.CONNECTION, "close");
                    respond(context);
                    return;
                }
            } catch (NumberFormatException e) {
                // the HTTP layer answers a malformed length itself
            }
        }
        context.next();
    }

    private void describeOversize(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            respond(context);
        } else {
            context.next();
        }
    }

    private void respond(RoutingContext context) {
        Problem problem = Problem.of(413, "body-too-large", "Payload too large",
                "the request body is larger than the " + limit.asLongValue() + " bytes this service accepts").at(context.request().path());
        try {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(413).end();
        }
    }
}
