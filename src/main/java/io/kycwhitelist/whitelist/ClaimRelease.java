package io.kycwhitelist.whitelist;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.ClaimChanged;
import io.kycwhitelist.intake.service.WalletClaims;
import io.kycwhitelist.whitelist.api.ReleasedClaimView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An administrator releases the claim an application holds on a wallet, with a reason (audited):
 * the address is free for another application, and the wallet is out of this one for good. A
 * claim behind a whitelisted address (ACTIVE or SUSPENDED, or on its way to ACTIVE) is not
 * released: the address is revoked first.
 */
@ApplicationScoped
public class ClaimRelease {

    private static final Logger LOG = Logger.getLogger(ClaimRelease.class);

    private final AuditTrail audit;
    private final WalletClaims claims;
    private final EntityManager em;
    private final Event<ClaimChanged> changed;

    ClaimRelease(AuditTrail audit, WalletClaims claims, EntityManager em, Event<ClaimChanged> changed) {
        this.audit = audit;
        this.claims = claims;
        this.em = em;
        this.changed = changed;
    }

    /** Call with a valid address. */
    @Transactional
    public ReleasedClaimView release(String address, String reason, String admin) {
        String key = address.toLowerCase(Locale.ROOT);
        // the holder's id only: its wallets are read once the application is locked, as they are then
        UUID holder = em.createQuery("select w.application.id from ApplicationWallet w where w.addressKey = ?1 and w.claimed = true", UUID.class)
                .setParameter(1, key).getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No application holds this address."));
        Application app = Application.findById(holder, LockModeType.PESSIMISTIC_WRITE);
        WhitelistEntry entry = WhitelistEntry.findById(key, LockModeType.PESSIMISTIC_WRITE);
        ApplicationWallet wallet = app.wallets.stream().filter(w -> w.addressKey.equals(key) && w.claimed).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No application holds this address."));
        if (claims.whitelisted(app.id).contains(key)) { // read with the entry locked, as a revocation locks it
            throw new ProblemException(ProblemType.WALLET_WHITELISTED, "This address is whitelisted by the application that holds it"
                    + (entry != null ? " (" + entry.status + ")" : "") + ": revoke it first, then release the claim.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WalletClaims.release(wallet, admin, reason, now);
        app.updatedAt = now; // reviewers deciding it must see the wallet go (If-Match)
        changed.fire(new ClaimChanged(key));
        audit.record(admin, AuditAction.WALLET_CLAIM_RELEASED, app.id, wallet.address, app.policyVersion, reason, now);
        LOG.infof("Application %s: the claim on a wallet released by an administrator", app.id);
        return new ReleasedClaimView(wallet.address, app.id, admin, reason, now);
    }
}
