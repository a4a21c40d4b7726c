package io.kycwhitelist.common.security;

import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.common.ratelimit.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * The security headers of every answer of the service: the two pages get a Content-Security-Policy
 * that loads only their own scripts and styles (no inline script, no framing); everything else
 * (the API, problem documents, static files) one that loads nothing at all. Over TLS (directly, or
 * through a trusted proxy that says so in X-Forwarded-Proto) browsers are told to use https only.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
            + "frame-src 'self' blob:; object-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    private static final Set<String> PAGES = Set.of("/", "/index.html", "/review/", "/review/index.html");

    private final List<ClientAddress.Block> trustedProxies;

    SecurityHeaders(KycConfig config) {
        this.trustedProxies = config.rateLimit().trustedProxies().orElse(List.of()).stream().map(ClientAddress.Block::parse).toList();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::headers);
    }

    private void headers(RoutingContext ctx) {
        boolean page = PAGES.contains(ctx.normalizedPath());
        boolean tls = overTls(ctx.request());
        ctx.addHeadersEndHandler(v -> {
            var headers = ctx.response().headers();
            headers.set("Content-Security-Policy", page ? PAGE_POLICY : API_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (tls) {
                headers.set("Strict-Transport-Security", HSTS);
            }
        });
        ctx.next();
    }

    private boolean overTls(HttpServerRequest request) {
        return request.isSSL() || ("https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))
                && ClientAddress.trusted(request.remoteAddress().hostAddress(), trustedProxies));
    }
}
