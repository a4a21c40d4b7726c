package io.kycwhitelist.intake.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applications that never reach review expire: one still waiting for its applicant (documents,
 * wallet proofs) longer than {@code kyc.applications.open-for} after its submission becomes
 * EXPIRED, audited, and gives up every wallet it held. One replica at a time (an advisory lock).
 */
@ApplicationScoped
public class ApplicationExpiry {

    private static final Logger LOG = Logger.getLogger(ApplicationExpiry.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final AuditTrail audit;
    private final Duration openFor;

    ApplicationExpiry(EntityManager em, AuditTrail audit, KycConfig config) {
        this.em = em;
        this.audit = audit;
        this.openFor = config.applications().openFor();
    }

    @Scheduled(every = "${kyc.applications.expiry-interval:1h}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int expired = expireOpen(Instant.now());
        if (expired > 0) {
            LOG.infof("Expired %d application(s) not completed within %d days", expired, openFor.toDays());
        }
    }

    /** Expires what was submitted before {@code now} minus the period; returns how many. */
    public int expireOpen(Instant now) {
        Instant cutoff = now.minus(openFor);
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> expireBatch(cutoff));
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int expireBatch(Instant cutoff) {
        if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('kyc-whitelist application expiry'))").getSingleResult()) {
            return 0;
        }
        List<UUID> ids = em.createQuery("select a.id from Application a where a.status = ?1 and a.createdAt < ?2 order by a.createdAt", UUID.class)
                .setParameter(1, ApplicationStatus.PENDING_DOCUMENT).setParameter(2, cutoff).setMaxResults(BATCH).getResultList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (UUID id : ids) {
            Application app = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (app.status != ApplicationStatus.PENDING_DOCUMENT) {
                continue; // completed meanwhile
            }
            app.status = ApplicationStatus.EXPIRED;
            app.updatedAt = now;
            WalletClaims.releaseAll(app);
            audit.record(AuditTrail.SYSTEM, AuditAction.APPLICATION_EXPIRED, app.id, app.policyVersion,
                    "not completed within " + openFor.toDays() + " days of its submission; its wallets are released", now);
        }
        return ids.size();
    }
}
