package io.kycwhitelist.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.problem.RouteProblems;
import io.kycwhitelist.intake.DocumentSniffer;
import io.kycwhitelist.intake.service.IntakeService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Refuses request bodies over their limit before they are read, as problem documents: 64 KiB
 * for JSON (and anything else), 10 MiB for documents. A body must declare its Content-Length, so
 * the limit holds without reading it. Runs first on the HTTP router, ahead of every endpoint.
 */
@ApplicationScoped
public class BodyLimits {

    public static final long JSON_MAX_BYTES = 64 * 1024;
    private static final Set<String> DOCUMENT_TYPES = Set.of(DocumentSniffer.JPEG, DocumentSniffer.PNG, DocumentSniffer.PDF);
    private static final Set<HttpMethod> METHODS_WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ObjectMapper json;

    BodyLimits(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        if (!METHODS_WITH_BODY.contains(ctx.request().method())) {
            ctx.next();
            return;
        }
        boolean document = DOCUMENT_TYPES.contains(DocumentSniffer.baseType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)));
        long limit = document ? IntakeService.MAX_DOCUMENT_BYTES : JSON_MAX_BYTES;
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                refuse(ctx, ProblemType.LENGTH_REQUIRED, "Send the body with a Content-Length header, not in chunks.");
            } else {
                ctx.next();
            }
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            refuse(ctx, ProblemType.BAD_REQUEST, "The Content-Length header is not a number.");
            return;
        }
        if (declared > limit) {
            refuse(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                    (document ? "A document may be at most 10 MiB" : "A JSON body may be at most 64 KiB") + "; this one is " + declared + " bytes.");
            return;
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, ProblemType type, String detail) {
        String body = RouteProblems.prepare(ctx, json, type, detail);
        // The unread body is not drained: close the connection after answering.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }

}
