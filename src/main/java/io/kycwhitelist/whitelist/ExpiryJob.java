package io.kycwhitelist.whitelist;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Marks ACTIVE entries past their expiry EXPIRED, through the outbox like every change, with an
 * audit record each. Runs on one instance at a time (a transaction-level advisory lock; the
 * others skip the round). Exchanges see EXPIRED from the expiry instant on regardless: the job
 * makes it a recorded, published change.
 */
@ApplicationScoped
public class ExpiryJob {

    static final long LOCK = 0x6b7963_657870L;
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    private static final int BATCH = 1000;

    private final EntityManager em;
    private final AuditTrail audit;
    private final OutboxPublisher publisher;

    ExpiryJob(EntityManager em, AuditTrail audit, OutboxPublisher publisher) {
        this.em = em;
        this.audit = audit;
        this.publisher = publisher;
    }

    @Scheduled(every = "${kyc.whitelist.expiry-interval:60s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /** Expires what is due; returns how many entries it expired. */
    public int run() {
        int total = 0;
        int expired;
        do {
            expired = QuarkusTransaction.requiringNew().call(this::expireBatch);
            total += expired;
        } while (expired == BATCH);
        if (total > 0) {
            LOG.infof("Expired %d whitelist entr%s", total, total == 1 ? "y" : "ies");
            publisher.publishPending();
        }
        return total;
    }

    private int expireBatch() {
        if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult()) {
            return 0;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<WhitelistEntry> due = WhitelistEntry.<WhitelistEntry>find(
                        "status = ?1 and expiresAt <= ?2 and not exists (select 1 from OutboxEvent e where e.publishedAt is null and lower(e.address) = addressKey)",
                        WhitelistStatus.ACTIVE, now)
                .range(0, BATCH - 1)
                .list();
        for (WhitelistEntry entry : due) {
            OutboxEvent.of(ChangeType.WHITELIST_EXPIRED, entry.chain, entry.address, entry.applicationId, entry.expiresAt, null, now).persist();
            audit.record(AuditTrail.SYSTEM, AuditAction.EXPIRED, entry.applicationId, entry.address, null,
                    "identity document expired; whitelisted until " + entry.expiresAt, now);
        }
        return due.size();
    }
}
