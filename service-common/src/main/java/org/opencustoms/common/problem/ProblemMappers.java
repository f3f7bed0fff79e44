package org.opencustoms.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;

/** Turns every failure into problem+json: 400 for unreadable input, 422 for broken rules, 5xx never with internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String REALM = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.name", String.class).orElse("opencustoms");

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.problem(), request);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, HttpServerRequest request) {
        String detail = e.violations().size() == 1 ? "1 field is invalid" : e.violations().size() + " fields are invalid";
        return respond(Problem.of(422, "validation", e.getMessage(), detail).withViolations(e.violations()), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        String field = path(e);
        return respond(Problem.of(400, "unknown-field", "Unknown field",
                "'" + field + "' is not a field of this request; unknown fields are rejected so that nothing is silently dropped")
                .withViolations(List.of(new FieldViolation(field, "unknown field"))), request);
    }

    @ServerExceptionMapper(priority = 2)
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        String field = path(e);
        Class<?> target = e.getTargetType();
        String expected = target == null ? "another type"
                : target.isEnum() ? "one of " + Arrays.toString(target.getEnumConstants())
                : target.getSimpleName();
        return respond(Problem.of(400, "wrong-type", "Wrong type", "'" + field + "' could not be read as " + expected)
                .withViolations(List.of(new FieldViolation(field, "expected " + expected))), request);
    }

    @ServerExceptionMapper(priority = 3)
    public Response malformed(JsonParseException e, HttpServerRequest request) {
        return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"), request);
    }

    @ServerExceptionMapper(priority = 4)
    public Response mapping(JsonMappingException e, HttpServerRequest request) {
        String field = path(e);
        return respond(Problem.of(400, "unreadable", "Unreadable request", "'" + field + "' could not be read")
                .withViolations(List.of(new FieldViolation(field, "could not be read"))), request);
    }

    @ServerExceptionMapper(priority = 5)
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", "the body is not valid JSON"), request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return Response.fromResponse(respond(Problem.of(401, "unauthorized", "Unauthorized",
                "this resource needs a bearer token (Authorization: Bearer ...)"), request))
                .header("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"").build();
    }

    /** A token that is malformed, expired, for another audience or not signed by a trusted issuer. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return Response.fromResponse(respond(Problem.of(401, "invalid-token", "Unauthorized",
                "the bearer token is malformed, expired, meant for another audience or not signed by a trusted issuer"), request))
                .header("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "your role may not use this resource"), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, request);
        }
        String reason = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(status, "http-" + status, reason, e.getMessage()), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return respond(Problem.of(500, "internal", "Internal error",
                "the request could not be completed; the error is logged"), request);
    }

    private static Response respond(Problem problem, HttpServerRequest request) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(request.path())).build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
