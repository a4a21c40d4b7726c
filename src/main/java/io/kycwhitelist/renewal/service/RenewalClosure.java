package io.kycwhitelist.renewal.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.intake.ApplicationErased;
import io.kycwhitelist.renewal.Renewal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Closes renewals that can no longer be completed: one left waiting for its holder's documents
 * longer than {@code kyc.applications.open-for} expires; the open renewals of an application whose
 * personal data is erased are cancelled (in the erasing transaction).
 */
@ApplicationScoped
public class RenewalClosure {

    private static final Logger LOG = Logger.getLogger(RenewalClosure.class);

    private final AuditTrail audit;
    private final Duration openFor;

    RenewalClosure(AuditTrail audit, KycConfig config) {
        this.audit = audit;
        this.openFor = config.applications().openFor();
    }

    @Scheduled(every = "${kyc.applications.expiry-interval:1h}", delayed = "90s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int expired = expireWaiting(Instant.now());
        if (expired > 0) {
            LOG.infof("Expired %d renewal(s) not completed within %d days", expired, openFor.toDays());
        }
    }

    /** Expires the renewals requested before {@code now} minus the period and still waiting for documents; returns how many. */
    public int expireWaiting(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Renewal> due = Renewal.<Renewal>find("status = ?1 and requestedAt < ?2", Renewal.Status.PENDING_DOCUMENT, now.minus(openFor))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, 999).list();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (Renewal renewal : due) {
                renewal.close(Renewal.Status.EXPIRED, AuditTrail.SYSTEM, "not completed within " + openFor.toDays() + " days", at);
                audit.record(AuditTrail.SYSTEM, AuditAction.RENEWAL_EXPIRED, renewal.applicationId, renewal.policyVersion,
                        "renewal " + renewal.id + " not completed within " + openFor.toDays() + " days", at);
            }
            return due.size();
        });
    }

    void onErasure(@Observes ApplicationErased erased) {
        List<Renewal> open = Renewal.list("applicationId = ?1 and status in ?2", erased.applicationId(),
                List.of(Renewal.Status.PENDING_DOCUMENT, Renewal.Status.PENDING_REVIEW, Renewal.Status.PENDING_SECOND_APPROVAL));
        for (Renewal renewal : open) {
            renewal.close(Renewal.Status.CANCELLED, AuditTrail.SYSTEM, "the application's personal data was erased", erased.at());
            audit.record(erased.actor(), AuditAction.RENEWAL_CANCELLED, renewal.applicationId, renewal.policyVersion,
                    "renewal " + renewal.id + " closed: the application's personal data was erased", erased.at());
        }
    }

}
