package io.kycwhitelist.webhooks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kycwhitelist.common.Retries;
import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.common.crypto.Sealing;
import io.kycwhitelist.common.problem.Problem.FieldError;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.webhooks.WebhookDelivery;
import io.kycwhitelist.webhooks.WebhookEndpoint;
import io.kycwhitelist.webhooks.WebhookSignature;
import io.kycwhitelist.webhooks.api.WebhookEndpointView;
import io.kycwhitelist.webhooks.api.WebhookRegistration;
import io.kycwhitelist.whitelist.ChangeType;
import io.kycwhitelist.whitelist.WhitelistChange;
import io.kycwhitelist.whitelist.WhitelistSink;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Webhooks to exchanges. As a whitelist sink it writes one delivery per change and subscribed
 * endpoint, in the transaction that publishes the change (so none is lost or written twice). A
 * scheduled dispatcher delivers them per endpoint in order (one endpoint at a time across replicas,
 * by an advisory lock), signed (see {@link WebhookSignature}), at least once; a failed delivery is
 * retried with exponential backoff and holds back the later ones of its endpoint, so that each
 * address's changes arrive in order; after {@code kyc.webhooks.give-up-after} it is parked DEAD
 * (the next ones go on) until an admin replays it.
 */
@ApplicationScoped
public class Webhooks implements WhitelistSink {

    private static final Logger LOG = Logger.getLogger(Webhooks.class);

    private final KycConfig.Webhooks config;
    private final Sealing sealing;
    private final ObjectMapper json;
    private final WebhookTargets targets;
    private final HttpClient http;

    Webhooks(KycConfig config, Sealing sealing, ObjectMapper json, WebhookTargets targets, Vertx vertx) {
        this.config = config.webhooks();
        this.sealing = sealing;
        this.json = json;
        this.targets = targets;
        int timeout = (int) this.config.timeout().toMillis();
        // no redirects (the default), no connection kept: each delivery connects to the address just checked
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout).setIdleTimeout(timeout)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setKeepAlive(false).setVerifyHost(true));
    }

    @Transactional
    public WebhookEndpointView register(WebhookRegistration request, String admin) {
        List<FieldError> errors = new ArrayList<>();
        URI uri = null;
        try {
            uri = URI.create(request.url());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", "must be an absolute URL"));
        }
        if (uri != null && (uri.getHost() == null || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && config.allowHttp())))) {
            errors.add(new FieldError("url", config.allowHttp() ? "must be an absolute http or https URL" : "must be an https URL"));
        }
        RequestValidator.failIfAny(errors);
        try {
            targets.vet(uri);
        } catch (WebhookTargets.Refused refused) {
            RequestValidator.failIfAny(List.of(new FieldError("url", "cannot be used: " + refused.getMessage())));
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.url = request.url();
        endpoint.secretSealed = sealing.sealText(SealedColumn.WEBHOOK_SECRET, endpoint.id, request.secret());
        endpoint.eventTypes = List.copyOf(request.eventTypes());
        endpoint.createdBy = admin;
        endpoint.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        endpoint.persist();
        LOG.infof("Webhook endpoint %s registered for %s", endpoint.id, endpoint.eventTypes);
        return WebhookEndpointView.of(endpoint);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookEndpointView> endpoints() {
        return WebhookEndpoint.<WebhookEndpoint>listAll().stream().map(WebhookEndpointView::of).toList();
    }

    /** Removes an endpoint and what was still to be delivered to it. */
    @Transactional
    public void remove(UUID id) {
        if (WebhookEndpoint.findById(id) == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No webhook endpoint with this id.");
        }
        WebhookDelivery.delete("endpointId", id);
        WebhookEndpoint.deleteById(id);
        LOG.infof("Webhook endpoint %s removed", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> dead() {
        return WebhookDelivery.list("status = ?1 order by id", WebhookDelivery.Status.DEAD);
    }

    /** Sends a DEAD delivery again, with a fresh retry window. */
    @Transactional
    public WebhookDelivery replay(long id) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No webhook delivery with this id.");
        }
        if (delivery.status != WebhookDelivery.Status.DEAD) {
            throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This delivery is " + delivery.status + "; only DEAD ones are replayed.");
        }
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.retries.restart(Instant.now(), config.giveUpAfter());
        return delivery;
    }

    /** In the publisher's transaction: one delivery per subscribed endpoint. */
    @Override
    public void publish(WhitelistChange change) {
        List<WebhookEndpoint> endpoints = WebhookEndpoint.listAll();
        if (endpoints.isEmpty()) {
            return;
        }
        String payload = payload(change);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (WebhookEndpoint endpoint : endpoints) {
            if (!endpoint.eventTypes.contains(change.type())
                    || WebhookDelivery.count("endpointId = ?1 and eventId = ?2", endpoint.id, change.eventId()) > 0) {
                continue; // not subscribed, or written by an earlier attempt to publish this change
            }
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.endpointId = endpoint.id;
            delivery.eventId = change.eventId();
            delivery.eventType = change.type().name();
            delivery.address = change.address();
            delivery.payload = payload;
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.retries = Retries.startingAt(now, config.giveUpAfter());
            delivery.createdAt = now;
            delivery.persist();
        }
    }

    private String payload(WhitelistChange change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", change.eventId());
        body.put("type", change.type());
        body.put("chain", change.chain());
        body.put("address", change.address());
        body.put("status", change.type().status());
        body.put("at", change.at().toString());
        if (change.expiresAt() != null && change.type() == ChangeType.WHITELIST_ACTIVATED) {
            body.put("expiresAt", change.expiresAt().toString());
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "${kyc.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        List<UUID> endpoints;
        try {
            endpoints = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.getEntityManager()
                    .createQuery("select distinct d.endpointId from WebhookDelivery d where d.status = :pending and d.retries.nextAttemptAt <= :now", UUID.class)
                    .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", Instant.now()).getResultList());
        } catch (RuntimeException e) {
            LOG.debugf("Webhook deliveries not looked at: %s", e.getMessage());
            return;
        }
        for (UUID endpoint : endpoints) {
            try {
                while (QuarkusTransaction.requiringNew().call(() -> deliverNext(endpoint))) {
                    // the next one of this endpoint
                }
            } catch (RuntimeException e) {
                LOG.warnf("Webhook deliveries to endpoint %s stopped: %s", endpoint, e.getMessage());
            }
        }
    }

    /** Attempts the oldest pending delivery of an endpoint; true when the next one may follow at once. */
    private boolean deliverNext(UUID endpointId) {
        boolean mine = (Boolean) WebhookDelivery.getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('kyc-whitelist webhook ' || ?1))")
                .setParameter(1, endpointId.toString()).getSingleResult();
        if (!mine) {
            return false; // another replica is delivering to this endpoint
        }
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>find("endpointId = ?1 and status = ?2 order by id", endpointId,
                WebhookDelivery.Status.PENDING).firstResult();
        Instant now = Instant.now();
        if (delivery == null || !delivery.retries.due(now)) {
            return false;
        }
        WebhookEndpoint endpoint = WebhookEndpoint.findById(endpointId);
        delivery.retries.attempts++;
        String error = attempt(endpoint, delivery);
        if (error == null) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = Instant.now();
            delivery.retries.lastError = null;
            return true;
        }
        if (delivery.retries.failed(error, now, config.initialBackoff(), config.maxBackoff())) {
            delivery.status = WebhookDelivery.Status.DEAD;
            LOG.warnf("Webhook delivery %d to endpoint %s parked as DEAD after %d attempts: %s", delivery.id, endpointId,
                    delivery.retries.attempts, delivery.retries.lastError);
            return true;
        }
        return false;
    }

    /**
     * Null when delivered, else what went wrong, in words that say nothing of the network behind the
     * endpoint (the admin API shows them): the endpoint is checked again, and the connection goes to
     * the address that was checked.
     */
    private String attempt(WebhookEndpoint endpoint, WebhookDelivery delivery) {
        try {
            WebhookTargets.Target target = targets.vet(URI.create(endpoint.url));
            String signature = WebhookSignature.header(sealing.openText(SealedColumn.WEBHOOK_SECRET, endpoint.id, endpoint.secretSealed),
                    Instant.now().getEpochSecond(), delivery.payload);
            String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                    .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                    .setHost(target.uri().getHost()).setPort(target.port()).setSsl(target.https())
                    .setURI(target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery())
                    .setIdleTimeout(config.timeout().toMillis())
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-KYC-Event-Id", delivery.eventId.toString())
                    .putHeader("X-KYC-Event-Type", delivery.eventType)
                    .putHeader(WebhookSignature.HEADER, signature);
            int status = http.request(options).compose(request -> request.send(Buffer.buffer(delivery.payload)))
                    .map(HttpClientResponse::statusCode)
                    .toCompletionStage().toCompletableFuture().get(config.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            return status / 100 == 2 ? null : "answered " + status;
        } catch (WebhookTargets.Refused refused) {
            return "not sent: " + refused.getMessage();
        } catch (IllegalStateException unopened) {
            LOG.errorf("Webhook endpoint %s: its signing secret does not open (is its key still in kyc.encryption.keys?)", endpoint.id);
            return "not sent: the endpoint's signing secret cannot be opened";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (TimeoutException e) {
            return "timed out";
        } catch (ExecutionException e) {
            return e.getCause() instanceof javax.net.ssl.SSLException ? "TLS handshake failed" : "connection failed or timed out";
        }
    }
}
