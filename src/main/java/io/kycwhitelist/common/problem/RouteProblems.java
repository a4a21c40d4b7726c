package io.kycwhitelist.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Problem answers from the HTTP router's own handlers, which run ahead of the REST endpoints and their mappers. */
public final class RouteProblems {

    private RouteProblems() {}

    /** Sets the problem's status and media type on the response; returns the body to end it with. */
    public static String prepare(RoutingContext ctx, ObjectMapper json, ProblemType type, String detail) {
        ctx.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        try {
            return json.writeValueAsString(Problem.of(type, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
