package io.kycwhitelist.common.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error path: every exception becomes an RFC 9457 problem document. Details never carry
 * stack traces, class names, SQL or the values a client sent.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem(), e.headers());
    }

    // Quarkus ships mappers for some Jackson exceptions; these, for the same types, take precedence.
    @ServerExceptionMapper
    public Response json(JacksonException e) {
        return respond(fromJackson(e), Map.of());
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        JacksonException jackson = causeOfType(e, JacksonException.class);
        if (jackson != null) {
            return respond(fromJackson(jackson), Map.of());
        }
        ProblemException problem = causeOfType(e, ProblemException.class);
        if (problem != null) {
            return problem(problem);
        }
        if (e instanceof NotFoundException) {
            return respond(Problem.of(ProblemType.NOT_FOUND, "There is nothing at this address."), Map.of());
        }
        if (e instanceof NotAllowedException) {
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return respond(Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed here" + (allow != null ? "; allowed: " + allow : "") + "."),
                    allow != null ? Map.of(HttpHeaders.ALLOW, allow) : Map.of());
        }
        if (e instanceof NotSupportedException) {
            return respond(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "This endpoint does not accept the request's Content-Type; see the API description for the types it takes."), Map.of());
        }
        if (e instanceof NotAcceptableException) {
            return respond(Problem.of(ProblemType.NOT_ACCEPTABLE, "This endpoint cannot answer in any of the media types the Accept header asks for."), Map.of());
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request failed with status %d", status);
            return respond(Problem.of(ProblemType.INTERNAL_ERROR, "The service failed to handle this request; it has been logged."), Map.of());
        }
        Response.StatusType statusInfo = e.getResponse().getStatusInfo();
        return respond(new Problem("about:blank", statusInfo.getReasonPhrase(), status, statusInfo.getReasonPhrase() + ".", List.of()), Map.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return respond(Problem.of(ProblemType.UNAUTHORIZED,
                "A valid bearer token is required: send it as 'Authorization: Bearer <token>'. Missing, expired, tampered and foreign tokens are refused."),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your token does not carry a role that may do this."), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (databaseUnavailable(e)) {
            LOG.warnf("The database is unavailable: request refused with 503 (%s)", rootMessage(e));
            return respond(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database just now; nothing was changed. Try again in a few seconds."),
                    Map.of(HttpHeaders.RETRY_AFTER, "5"));
        }
        LOG.errorf(e, "Unexpected error handling a request");
        return respond(Problem.of(ProblemType.INTERNAL_ERROR, "The service failed to handle this request; it has been logged."), Map.of());
    }

    /**
     * Whether a failure is the database being out of reach: a connection-class SQL state (08...),
     * the server shutting down (57P0x), or no connection to be had from the pool in time.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static Response respond(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }

    private static Problem fromJackson(JacksonException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return Problem.of(ProblemType.MALFORMED_JSON, "The body could not be parsed as JSON"
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "") + ".");
        }
        String path = jsonPath(mapping.getPath());
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidTypeIdException) {
            path = path.isEmpty() ? "applicantType" : path + ".applicantType";
            message = "must be INDIVIDUAL or ORGANIZATION";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + describe(mismatch.getTargetType());
        } else {
            message = "has a value of the wrong type";
        }
        if (path.isEmpty()) {
            return Problem.of(ProblemType.VALIDATION_FAILED, "The body must be a JSON object of the documented form.");
        }
        return ProblemException.validation(List.of(new Problem.FieldError(path, message))).problem();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    /** Jackson's reference path as a JSON path: {@code wallets[0].address}. */
    static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
