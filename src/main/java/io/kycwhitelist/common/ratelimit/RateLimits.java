package io.kycwhitelist.common.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kycwhitelist.common.RequestLimits;
import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.problem.RouteProblems;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Limits the public endpoints per client address (see {@link ClientAddress}): submissions,
 * uploads, and the calls that carry a status token (status, wallet proofs, documents, renewals). Wrong status tokens
 * (the 404s {@link WrongStatusTokens} marks) are counted apart: an
 * address that sent too many in a window is refused every status-token call until the window
 * passes, so tokens cannot be guessed. Over a limit: 429 problem+json with Retry-After. The
 * counters are per instance: with n replicas a client gets at most n times the limit.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final Pattern APPLICATION = Pattern.compile("/api/v1/applications/[^/]+");
    private static final Pattern DOCUMENT = Pattern.compile("/api/v1/applications/[^/]+/documents/[^/]+");
    private static final Pattern WALLET = Pattern.compile("/api/v1/applications/[^/]+/wallets/[^/]+/(challenge|proof)");
    private static final Pattern RENEWAL = Pattern.compile("/api/v1/applications/[^/]+/renewal(/.*)?");
    private static final Pattern RENEWAL_DOCUMENT = Pattern.compile("/api/v1/applications/[^/]+/renewal/documents/[^/]+");

    private final ObjectMapper json;
    private final boolean enabled;
    private final List<ClientAddress.Block> trustedProxies;
    private final RateLimiter applications;
    private final RateLimiter uploads;
    private final RateLimiter statusCalls;
    private final RateLimiter wrongTokens;

    RateLimits(ObjectMapper json, KycConfig config) {
        KycConfig.RateLimit c = config.rateLimit();
        this.json = json;
        this.enabled = c.enabled();
        this.trustedProxies = c.trustedProxies().orElse(List.of()).stream().map(ClientAddress.Block::parse).toList();
        this.applications = new RateLimiter(c.applications(), c.window(), System::nanoTime);
        this.uploads = new RateLimiter(c.uploads(), c.window(), System::nanoTime);
        this.statusCalls = new RateLimiter(c.statusCalls(), c.window(), System::nanoTime);
        this.wrongTokens = new RateLimiter(c.wrongStatusTokens(), c.window(), System::nanoTime);
        if (enabled && trustedProxies.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("No trusted proxy is set (KYC_RATE_LIMIT_TRUSTED_PROXIES): behind an ingress or a load balancer every client shares "
                    + "its address, and so one rate limit. Name the proxies' addresses (see k8s/README.md).");
        }
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(Integer.MIN_VALUE + 1).handler(this::limit); // after SecurityHeaders: refusals carry them too
        }
    }

    private void limit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        boolean submission = method == HttpMethod.POST && path.equals("/api/v1/applications");
        boolean upload = method == HttpMethod.PUT && (DOCUMENT.matcher(path).matches() || RENEWAL_DOCUMENT.matcher(path).matches());
        boolean statusCall = upload || WALLET.matcher(path).matches() || RENEWAL.matcher(path).matches()
                || (method == HttpMethod.GET && APPLICATION.matcher(path).matches());
        if (!submission && !statusCall) {
            ctx.next();
            return;
        }
        String client = ClientAddress.resolve(ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("X-Forwarded-For"), trustedProxies);
        if (submission) {
            long wait = applications.acquire(client);
            if (wait > 0) {
                refuse(ctx, wait, "Too many applications from your address. Try again in " + wait + " seconds.");
                return;
            }
            ctx.next();
            return;
        }
        long guessing = wrongTokens.blocked(client);
        if (guessing > 0) {
            LOG.warnf("Status-token calls refused for %d s: too many wrong status tokens from one address", guessing);
            refuse(ctx, guessing, "Too many requests with a wrong status token from your address. Try again in " + guessing + " seconds.");
            return;
        }
        long wait = upload ? Math.max(uploads.acquire(client), statusCalls.acquire(client)) : statusCalls.acquire(client);
        if (wait > 0) {
            refuse(ctx, wait, "Too many requests from your address. Try again in " + wait + " seconds.");
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            if (WrongStatusTokens.marked(ctx)) {
                wrongTokens.acquire(client); // an unknown application or a wrong token: the same to a guesser
            }
        });
        ctx.next();
    }

    private void refuse(RoutingContext ctx, long retryAfterSeconds, String detail) {
        String body = RouteProblems.prepare(ctx, json, ProblemType.TOO_MANY_REQUESTS, detail);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        if (withinLimits(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH))) {
            // read the (bounded) body first: answering before it would reset the connection under the client
            ctx.request().body().onComplete(read -> ctx.response().end(body));
            ctx.request().resume(); // the router holds requests paused until an endpoint reads them
        } else {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close").end(body);
        }
    }

    private static boolean withinLimits(String contentLength) {
        try {
            return contentLength == null || Long.parseLong(contentLength.trim()) <= RequestLimits.DOCUMENT_MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
