package io.kycwhitelist.whitelist;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * The whitelist store: applies changes to {@code whitelist_entry}. A change applies only when it
 * is newer than the last one the entry took, so redelivered or out-of-order changes are harmless.
 */
@ApplicationScoped
public class WhitelistStore implements WhitelistSink {

    /** Serializes writers, so that change_seq also orders commits (see WhitelistReplica). */
    static final long WRITE_LOCK = 0x6b7963_77686974L;

    private final EntityManager em;
    private final AuditTrail audit;

    WhitelistStore(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(WhitelistChange change) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, WRITE_LOCK).getSingleResult();
        WhitelistStatus status = change.type().status();
        int applied = em.createNativeQuery("""
                INSERT INTO whitelist_entry (address_key, address, chain, status, application_id, since, expires_at, reason, last_event_id,
                    ownership_proven, change_seq)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, nextval('whitelist_change_seq'))
                ON CONFLICT (address_key) DO UPDATE SET
                    address = EXCLUDED.address, chain = EXCLUDED.chain, status = EXCLUDED.status,
                    application_id = EXCLUDED.application_id, since = EXCLUDED.since,
                    expires_at = CASE WHEN EXCLUDED.status = 'ACTIVE' THEN EXCLUDED.expires_at ELSE whitelist_entry.expires_at END,
                    ownership_proven = CASE WHEN EXCLUDED.status = 'ACTIVE' THEN EXCLUDED.ownership_proven ELSE whitelist_entry.ownership_proven END,
                    reason = EXCLUDED.reason, last_event_id = EXCLUDED.last_event_id, change_seq = EXCLUDED.change_seq
                WHERE whitelist_entry.last_event_id < EXCLUDED.last_event_id
                """)
                .setParameter(1, change.address().toLowerCase(Locale.ROOT))
                .setParameter(2, change.address())
                .setParameter(3, change.chain().name())
                .setParameter(4, status.name())
                .setParameter(5, change.applicationId())
                .setParameter(6, Timestamp.from(change.at()))
                .setParameter(7, change.expiresAt() == null ? null : Timestamp.from(change.expiresAt()))
                .setParameter(8, change.reason())
                .setParameter(9, change.sequence())
                .setParameter(10, change.ownershipProven())
                .executeUpdate();
        if (applied > 0) {
            audit.record(AuditTrail.SYSTEM, AuditAction.PUBLISHED, change.applicationId(), change.address(), null,
                    change.type() + " event " + change.eventId(), Instant.now());
        }
    }
}
