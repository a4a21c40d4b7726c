package io.kycwhitelist.common.observability;

import io.agroal.api.AgroalDataSource;
import io.kycwhitelist.common.config.KycConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * What is waiting, sampled from the database every few seconds (never on a scrape or a probe):
 * the review queue (depth, age of the oldest) and the outbox (unpublished changes, age of the
 * oldest). Exposed as Prometheus gauges, and the outbox as a health check: DOWN when a change
 * waited longer than {@code kyc.outbox.max-age} to be published. It is a wellness check
 * ({@code /q/health/well}, and in {@code /q/health}), not readiness: every replica shares the
 * outbox, and taking them all out of service would not publish anything sooner.
 */
@ApplicationScoped
@Wellness
public class Backlogs implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(Backlogs.class);

    /** One sample; {@code at} null before the first. */
    record Sample(long queueDepth, double oldestPendingSeconds, long outboxBacklog, double oldestUnpublishedSeconds, Instant at) {}

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final Duration outboxMaxAge;
    private final AtomicReference<Sample> last = new AtomicReference<>(new Sample(0, 0, 0, 0, null));

    Backlogs(AgroalDataSource dataSource, MeterRegistry registry, KycConfig config) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.outboxMaxAge = config.outbox().maxAge();
    }

    @PostConstruct
    void gauges() {
        Gauge.builder("kyc.review.queue.depth", last, s -> s.get().queueDepth())
                .description("Applications waiting for a reviewer's decision (first or second approval)").register(registry);
        Gauge.builder("kyc.review.queue.oldest.age", last, s -> s.get().oldestPendingSeconds()).baseUnit("seconds")
                .description("How long the oldest application waiting for a decision has waited").register(registry);
        Gauge.builder("kyc.outbox.backlog", last, s -> s.get().outboxBacklog())
                .description("Whitelist changes decided but not yet published").register(registry);
        Gauge.builder("kyc.outbox.oldest.age", last, s -> s.get().oldestUnpublishedSeconds()).baseUnit("seconds")
                .description("How long the oldest unpublished whitelist change has waited").register(registry);
    }

    @Scheduled(every = "${kyc.backlog.sample-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM application WHERE status IN ('PENDING_REVIEW', 'PENDING_SECOND_APPROVAL')),
                            (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM application
                              WHERE status IN ('PENDING_REVIEW', 'PENDING_SECOND_APPROVAL')),
                            (SELECT count(*) FROM outbox_event WHERE published_at IS NULL),
                            (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox_event WHERE published_at IS NULL)
                     """)) {
            rows.next();
            last.set(new Sample(rows.getLong(1), rows.getDouble(2), rows.getLong(3), rows.getDouble(4), Instant.now()));
        } catch (SQLException e) {
            LOG.warnf("Backlogs not sampled (the database did not answer): %s", e.getMessage());
        }
    }

    Sample last() {
        return last.get();
    }

    @Override
    public HealthCheckResponse call() {
        Sample s = last.get();
        boolean stale = s.at() == null;
        boolean late = s.oldestUnpublishedSeconds() > outboxMaxAge.toSeconds();
        return HealthCheckResponse.named("outbox")
                .status(!late)
                .withData("unpublished", s.outboxBacklog())
                .withData("oldestUnpublishedSeconds", Math.round(s.oldestUnpublishedSeconds()))
                .withData("maxAgeSeconds", outboxMaxAge.toSeconds())
                .withData("sampledAt", stale ? "not yet" : s.at().toString())
                .build();
    }
}
