package io.kycwhitelist.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.problem.RouteProblems;
import io.kycwhitelist.intake.DocumentSniffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;

/**
 * The size limits of a request, answered as problem documents before anything else runs on the
 * HTTP router: the request line ({@value #REQUEST_LINE_MAX_BYTES} bytes, 414), the headers
 * ({@value #HEADERS_MAX_BYTES} bytes, 431), the body (64 KiB for JSON and anything else, 10 MiB for
 * documents, 413). A body must declare its Content-Length, so the limit holds without reading it.
 * The HTTP server's own limits (quarkus.http.limits) are set well above these, so that the service
 * answers in its own words; only a request beyond those (or bytes that are not HTTP) is refused by
 * the server itself, without a body.
 */
@ApplicationScoped
public class RequestLimits {

    public static final long JSON_MAX_BYTES = 64 * 1024;
    public static final int DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
    public static final int REQUEST_LINE_MAX_BYTES = 4096;
    public static final int HEADERS_MAX_BYTES = 20 * 1024;
    private static final Set<String> DOCUMENT_TYPES = Set.of(DocumentSniffer.JPEG, DocumentSniffer.PNG, DocumentSniffer.PDF);
    private static final Set<HttpMethod> METHODS_WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ObjectMapper json;

    RequestLimits(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::limit); // after SecurityHeaders: refusals carry them too
    }

    private void limit(RoutingContext ctx) {
        int line = ctx.request().method().name().length() + ctx.request().uri().length() + " HTTP/1.1".length() + 1;
        if (line > REQUEST_LINE_MAX_BYTES) {
            refuse(ctx, ProblemType.URI_TOO_LONG, "The request line may be at most " + REQUEST_LINE_MAX_BYTES + " bytes; this one is " + line + ".");
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > HEADERS_MAX_BYTES) {
            refuse(ctx, ProblemType.HEADERS_TOO_LARGE, "The request's headers may be at most " + HEADERS_MAX_BYTES + " bytes; these are " + headers + ".");
            return;
        }
        if (!METHODS_WITH_BODY.contains(ctx.request().method())) {
            ctx.next();
            return;
        }
        boolean document = DOCUMENT_TYPES.contains(DocumentSniffer.baseType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)));
        long limit = document ? DOCUMENT_MAX_BYTES : JSON_MAX_BYTES;
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
