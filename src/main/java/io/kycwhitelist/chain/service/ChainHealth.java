package io.kycwhitelist.chain.service;

import io.kycwhitelist.common.config.KycConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.health.api.Wellness;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The token contract publication as a wellness check and gauges, from the dispatcher's last round:
 * DOWN when a change is DEAD, when one waited longer than {@code kyc.chain.max-age}, or when the
 * chain cannot be written (wrong chain, not the contract's operator, the node down). Not
 * readiness, like the outbox: taking replicas out of service publishes nothing sooner.
 */
@Wellness
@ApplicationScoped
public class ChainHealth implements HealthCheck {

    private final ChainPublisher publisher;
    private final MeterRegistry registry;
    private final Duration maxAge;

    ChainHealth(ChainPublisher publisher, MeterRegistry registry, KycConfig config) {
        this.publisher = publisher;
        this.registry = registry;
        this.maxAge = config.chain().maxAge();
    }

    @PostConstruct
    void gauges() {
        if (!publisher.enabled()) {
            return;
        }
        Gauge.builder("kyc.chain.backlog", publisher, p -> p.backlog().pending() + p.backlog().sent())
                .description("Whitelist changes not yet confirmed on the token contract").register(registry);
        Gauge.builder("kyc.chain.dead", publisher, p -> p.backlog().dead())
                .description("Whitelist changes given up on (DEAD) until an admin replays them").register(registry);
        Gauge.builder("kyc.chain.oldest.age", publisher, p -> p.backlog().oldestOpenSeconds()).baseUnit("seconds")
                .description("How long the oldest change not yet on the token contract has waited").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("token contract").withData("enabled", publisher.enabled());
        if (!publisher.enabled()) {
            return response.up().build();
        }
        ChainPublisher.Backlog b = publisher.backlog();
        String problem = publisher.problem();
        boolean up = problem == null && b.dead() == 0 && b.oldestOpenSeconds() <= maxAge.toSeconds();
        response.status(up)
                .withData("pending", b.pending())
                .withData("sent", b.sent())
                .withData("dead", b.dead())
                .withData("oldestOpenSeconds", Math.round(b.oldestOpenSeconds()))
                .withData("maxAgeSeconds", maxAge.toSeconds());
        if (problem != null) {
            response.withData("problem", problem);
        }
        return response.build();
    }
}
