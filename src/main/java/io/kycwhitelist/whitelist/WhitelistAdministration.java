package io.kycwhitelist.whitelist;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Actor;
import io.kycwhitelist.whitelist.api.ReinstatementView;
import io.kycwhitelist.whitelist.api.WhitelistEntryView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** What admins do to the whitelist: revoke an address, reinstate a suspended one, through the outbox like any change. */
@ApplicationScoped
public class WhitelistAdministration {

    private final AuditTrail audit;
    private final OutboxPublisher publisher;
    private final EntityManager em;

    WhitelistAdministration(AuditTrail audit, OutboxPublisher publisher, EntityManager em) {
        this.audit = audit;
        this.publisher = publisher;
        this.em = em;
    }

    /** Revokes a valid address; answers the entry as published. */
    public WhitelistEntryView revoke(String address, String reason, String admin) {
        String key = address.toLowerCase(Locale.ROOT);
        QuarkusTransaction.requiringNew().run(() -> {
            WhitelistEntry entry = WhitelistEntry.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (entry == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "This address is not on the whitelist.");
            }
            boolean pending = OutboxEvent.count("publishedAt is null and type = ?1 and lower(address) = ?2", ChangeType.WHITELIST_REVOKED, key) > 0;
            if (entry.status == WhitelistStatus.REVOKED || pending) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT, "This address is revoked already.");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            OutboxEvent.of(ChangeType.WHITELIST_REVOKED, entry.chain, entry.address, entry.applicationId, null, reason, now).persist();
            audit.record(admin, AuditAction.REVOKED, entry.applicationId, entry.address, null, reason, now);
        });
        publisher.publishPending();
        return QuarkusTransaction.requiringNew().call(() -> WhitelistEntryView.of(WhitelistEntry.findById(key), Instant.now()));
    }

    /**
     * Reinstates a SUSPENDED entry, four eyes: the first admin asks with a reason, another admin
     * confirms with theirs; the confirmation publishes the entry ACTIVE again.
     */
    public ReinstatementView reinstate(String address, String reason, Actor actor) {
        String admin = actor.name();
        String key = address.toLowerCase(Locale.ROOT);
        ReinstatementView view = QuarkusTransaction.requiringNew().call(() -> {
            WhitelistEntry entry = WhitelistEntry.findById(key, LockModeType.PESSIMISTIC_WRITE);
            if (entry == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "This address is not on the whitelist.");
            }
            if (OutboxEvent.count("publishedAt is null and lower(address) = ?1", key) > 0) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                        "A change of this entry is being published; try again in a moment.");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (entry.status != WhitelistStatus.SUSPENDED) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                        "This entry is " + WhitelistStatus.effective(entry.status, entry.expiresAt, now) + "; only a SUSPENDED entry can be reinstated.");
            }
            if (entry.expiresAt != null && !now.isBefore(entry.expiresAt)) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                        "The identity document of this entry expired at " + entry.expiresAt + ": the holder must renew it instead.");
            }
            @SuppressWarnings("unchecked")
            List<Object[]> open = em.createNativeQuery("""
                    SELECT id, requested_by, request_reason, requested_at, requested_by_subject FROM whitelist_reinstatement
                    WHERE address_key = ?1 AND confirmed_at IS NULL""").setParameter(1, key).getResultList();
            if (open.isEmpty()) {
                em.createNativeQuery("""
                        INSERT INTO whitelist_reinstatement (address_key, requested_by, requested_by_subject, request_reason, requested_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                        .setParameter(1, key).setParameter(2, admin).setParameter(3, actor.id()).setParameter(4, reason).setParameter(5, Timestamp.from(now))
                        .executeUpdate();
                audit.record(admin, AuditAction.REINSTATEMENT_REQUESTED, entry.applicationId, entry.address, null, reason, now);
                return new ReinstatementView(entry.address, entry.status, admin, reason, now, null, null, null);
            }
            Object[] request = open.get(0);
            String requestedBy = (String) request[1];
            if (actor.is((String) request[4], requestedBy)) {
                throw new ProblemException(ProblemType.APPLICATION_STATE_CONFLICT,
                        "You asked for this reinstatement; four eyes: another admin must confirm it.");
            }
            em.createNativeQuery("UPDATE whitelist_reinstatement SET confirmed_by = ?1, confirmed_by_subject = ?2, confirm_reason = ?3,"
                            + " confirmed_at = ?4 WHERE id = ?5")
                    .setParameter(1, admin).setParameter(2, actor.id()).setParameter(3, reason).setParameter(4, Timestamp.from(now))
                    .setParameter(5, request[0]).executeUpdate();
            OutboxEvent event = OutboxEvent.of(ChangeType.WHITELIST_ACTIVATED, entry.chain, entry.address, entry.applicationId, entry.expiresAt,
                    "reinstated by " + requestedBy + " and " + admin, now);
            event.ownershipProven = entry.ownershipProven;
            event.persist();
            audit.record(admin, AuditAction.REINSTATED, entry.applicationId, entry.address, null,
                    "asked by " + requestedBy + ": " + request[2] + "; confirmed: " + reason, now);
            return new ReinstatementView(entry.address, WhitelistStatus.ACTIVE, requestedBy, (String) request[2],
                    (Instant) request[3], admin, reason, now);
        });
        if (view.confirmed()) {
            publisher.publishPending();
        }
        return view;
    }

    /** ACTIVE entries whose identity document expires within {@code days}, soonest first (at most 1,000). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WhitelistEntryView> expiringWithin(int days) {
        if (days < 1 || days > 366) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "withinDays must be 1 to 366.");
        }
        Instant now = Instant.now();
        return WhitelistEntry.<WhitelistEntry>find("status = ?1 and expiresAt > ?2 and expiresAt <= ?3 order by expiresAt, addressKey",
                        WhitelistStatus.ACTIVE, now, now.plus(Duration.ofDays(days)))
                .range(0, 999).list().stream().map(e -> WhitelistEntryView.of(e, now)).toList();
    }
}
