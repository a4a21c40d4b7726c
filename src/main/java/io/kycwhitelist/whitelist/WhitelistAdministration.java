package io.kycwhitelist.whitelist;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.whitelist.api.WhitelistEntryView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** What admins do to the whitelist: revoke an address, through the outbox like any change. */
@ApplicationScoped
public class WhitelistAdministration {

    private final AuditTrail audit;
    private final OutboxPublisher publisher;

    WhitelistAdministration(AuditTrail audit, OutboxPublisher publisher) {
        this.audit = audit;
        this.publisher = publisher;
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
