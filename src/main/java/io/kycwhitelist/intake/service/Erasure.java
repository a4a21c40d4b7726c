package io.kycwhitelist.intake.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.Hashes;
import io.kycwhitelist.common.config.KycConfig;
import io.kycwhitelist.common.crypto.SealedColumn;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationErased;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.screening.service.SanctionsHit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases the personal data of an application: every sealed value of it in every
 * {@link SealedColumn} (documents, date of birth, ID document numbers, its renewals' too), its
 * e-mail, and the names in it and in its sanctions hits; its open renewals close and its wallet
 * claims are released (but for those of addresses it has on the whitelist: revoke them, then an
 * admin releases them). An application still waiting for its applicant is withdrawn. The name is
 * kept as a keyed hash (HMAC-SHA256), so that the records of the decisions still say whose they
 * were to anyone who knows the name and the key, and to no one else. Decisions, the audit trail
 * (which holds no personal data) and whitelist entries stay: a wallet keeps working until it is
 * revoked.
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);
    static final String ERASED = "erased";

    private final AuditTrail audit;
    private final KycConfig config;
    private final EntityManager em;
    private final Event<ApplicationErased> erased;
    private final WalletClaims claims;
    private final byte[] hashKey;

    Erasure(AuditTrail audit, KycConfig config, EntityManager em, Event<ApplicationErased> erased, WalletClaims claims) {
        this.audit = audit;
        this.config = config;
        this.em = em;
        this.erased = erased;
        this.claims = claims;
        // a key of its own, derived from the service's secret, so that the hash says nothing without it
        this.hashKey = Hashes.sha256(("kyc-whitelist erasure hash v1|" + config.statusToken().secret()).getBytes(StandardCharsets.UTF_8));
    }

    /** The keyed hash that replaces an erased name: the same name gives the same hash. */
    public String nameHash(String name) {
        String normalized = Normalizer.normalize(name.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return "hmac-sha256:" + HexFormat.of().formatHex(Hashes.hmacSha256(hashKey, normalized));
    }

    /** Erases one application on request. */
    public void erase(UUID id, String reason, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            Application app = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (app == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "No application with this id.");
            }
            if (app.erasedAt != null) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This application's personal data was erased at " + app.erasedAt + ".");
            }
            if (app.status == ApplicationStatus.PENDING_REVIEW || app.status == ApplicationStatus.PENDING_SECOND_APPROVAL) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                        "This application awaits a decision: reject it first, then erase its personal data.");
            }
            eraseLocked(app, reason, actor);
        });
    }

    private void eraseLocked(Application app, String reason, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String nameHash = nameHash(app.fullLegalName);
        for (SanctionsHit hit : SanctionsHit.of(app.id)) {
            if (hit.subject != SanctionsHit.Subject.WALLET && hit.subject != SanctionsHit.Subject.ORGANISATION) {
                hit.screenedValue = nameHash;
            }
        }
        if (app.status == ApplicationStatus.PENDING_DOCUMENT) {
            app.status = ApplicationStatus.WITHDRAWN;
        }
        Set<String> whitelisted = claims.whitelisted(app.id);
        app.wallets.stream().filter(w -> !w.released() && !whitelisted.contains(w.addressKey))
                .forEach(w -> WalletClaims.release(w, actor, "the application's personal data was erased", now));
        app.fullLegalName = nameHash;
        app.email = ERASED;
        app.erasedAt = now;
        app.erasureReason = reason;
        app.updatedAt = now;
        erased.fire(new ApplicationErased(app.id, actor, now));
        em.flush();
        int documents = eraseSealed(app.id);
        em.refresh(app);
        audit.record(actor, AuditAction.PERSONAL_DATA_ERASED, app.id, app.policyVersion,
                "documents=" + documents + " name=" + nameHash + ": " + reason, now);
        LOG.infof("Application %s: personal data erased (%d document(s))", app.id, documents);
    }

    /** Every sealed value of the application, wherever it is; returns how many documents went. */
    private int eraseSealed(UUID applicationId) {
        int documents = 0;
        for (SealedColumn column : SealedColumn.values()) {
            if (!column.personalData()) {
                continue;
            }
            String sql = column.erasure() == SealedColumn.Erasure.DELETE_ROW
                    ? "DELETE FROM " + column.table() + " WHERE " + column.ownedBy()
                    : "UPDATE " + column.table() + " SET " + column.column() + " = NULL WHERE " + column.ownedBy();
            int rows = em.createNativeQuery(sql.replace("?", "?1")).setParameter(1, applicationId).executeUpdate();
            documents += column.erasure() == SealedColumn.Erasure.DELETE_ROW ? rows : 0;
        }
        return documents;
    }

    /**
     * Erases what is past the retention period: rejected and expired applications, and approved ones none of
     * whose wallets is ACTIVE, last changed before the period. One replica at a time (advisory lock).
     */
    @Scheduled(every = "${kyc.retention.interval:6h}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retentionJob() {
        int erased = erasePastRetention(Instant.now());
        if (erased > 0) {
            LOG.infof("Retention: personal data of %d application(s) erased", erased);
        }
    }

    /** @return how many applications were erased */
    public int erasePastRetention(Instant now) {
        Instant cutoff = now.minus(config.retention().period());
        int total = 0;
        List<UUID> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                boolean leader = (Boolean) Application.getEntityManager()
                        .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('kyc-whitelist retention'))").getSingleResult();
                if (!leader) {
                    return List.<UUID>of();
                }
                @SuppressWarnings("unchecked")
                List<UUID> ids = Application.getEntityManager().createNativeQuery("""
                        SELECT a.id FROM application a
                         WHERE a.erased_at IS NULL AND a.updated_at < ?1
                           AND (a.status IN ('REJECTED', 'EXPIRED', 'WITHDRAWN')
                                OR (a.status = 'APPROVED' AND NOT EXISTS (
                                      SELECT 1 FROM whitelist_entry w WHERE w.application_id = a.id
                                         AND (w.since > ?1 OR (w.status = 'ACTIVE' AND (w.expires_at IS NULL OR w.expires_at > ?1))))))
                         ORDER BY a.updated_at LIMIT 100""", UUID.class)
                        .setParameter(1, cutoff).getResultList();
                for (UUID id : ids) {
                    eraseLocked(Application.findById(id, LockModeType.PESSIMISTIC_WRITE),
                            "retention period of " + config.retention().period().toDays() + " days passed", AuditTrail.SYSTEM);
                }
                return ids;
            });
            total += batch.size();
        } while (batch.size() == 100);
        return total;
    }
}
