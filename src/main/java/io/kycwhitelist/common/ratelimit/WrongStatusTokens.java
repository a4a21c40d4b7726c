package io.kycwhitelist.common.ratelimit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Marks the request whose status token did not match (or whose application does not exist): the
 * rate limits count those, and only those, against the client's address. A 404 of an existing
 * application under its right token (no renewal yet, no such document kind) is not a guess.
 */
@ApplicationScoped
public class WrongStatusTokens {

    private static final String MARK = "kyc-whitelist.wrong-status-token";

    private final CurrentVertxRequest request;

    WrongStatusTokens(CurrentVertxRequest request) {
        this.request = request;
    }

    /** Call when a status token is refused. */
    public void mark() {
        RoutingContext ctx = request.getCurrent();
        if (ctx != null) {
            ctx.put(MARK, Boolean.TRUE);
        }
    }

    static boolean marked(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(MARK));
    }
}
