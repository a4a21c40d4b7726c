package io.kycwhitelist.intake.service;

import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.ClaimChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which application holds a wallet. Naming an address holds nothing: an application holds it once
 * its applicant proved control of it (where the policy makes proofs optional, once it is ready for
 * review), and the first to do so wins; the others are told the address is taken. Claims of one
 * address are taken one at a time (a transaction-level advisory lock on the address), and the
 * database keeps one claim per address whatever happens.
 */
@ApplicationScoped
public class WalletClaims {

    private final EntityManager em;
    private final Event<ClaimChanged> changed;

    WalletClaims(EntityManager em, Event<ClaimChanged> changed) {
        this.em = em;
        this.changed = changed;
    }

    /** Takes the wallet's address for its application; false when another application holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(ApplicationWallet wallet) {
        if (wallet.claimed) {
            return true;
        }
        if (wallet.released()) {
            return false;
        }
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('kyc-whitelist wallet claim ' || ?1))) l")
                .setParameter(1, wallet.addressKey).getSingleResult();
        if (heldElsewhere(wallet)) {
            return false;
        }
        wallet.claimed = true;
        em.flush();
        changed.fire(new ClaimChanged(wallet.addressKey));
        return true;
    }

    /** Whether an application other than the wallet's holds its address. */
    public boolean heldElsewhere(ApplicationWallet wallet) {
        return ApplicationWallet.count("addressKey = ?1 and claimed = true and application <> ?2", wallet.addressKey, wallet.application) > 0;
    }

    /**
     * The wallets the application cannot use: held by another application (which proved control
     * first), or released by an administrator. They are not whitelisted with this application.
     */
    public List<ApplicationWallet> taken(Application app) {
        List<String> keys = app.wallets.stream().filter(w -> !w.claimed).map(w -> w.addressKey).toList();
        Set<String> elsewhere = keys.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(
                        "select w.addressKey from ApplicationWallet w where w.claimed = true and w.addressKey in ?1 and w.application <> ?2", String.class)
                .setParameter(1, keys).setParameter(2, app).getResultList());
        return app.wallets.stream().filter(w -> w.released() || (!w.claimed && elsewhere.contains(w.addressKey))).toList();
    }

    /** The wallets the application can still hold: the others than {@link #taken}. */
    public List<ApplicationWallet> usable(Application app) {
        List<ApplicationWallet> taken = taken(app);
        return app.wallets.stream().filter(w -> !taken.contains(w)).toList();
    }

    /**
     * The addresses whose claim backs a whitelist entry of the application (ACTIVE or SUSPENDED, or
     * being activated): those stay held until an admin revokes the address and releases the claim.
     */
    @SuppressWarnings("unchecked")
    public Set<String> whitelisted(UUID applicationId) {
        return new HashSet<>(em.createNativeQuery("""
                SELECT address_key FROM whitelist_entry WHERE application_id = ?1 AND status IN ('ACTIVE', 'SUSPENDED')
                UNION SELECT lower(address) FROM outbox_event WHERE application_id = ?1 AND published_at IS NULL AND type = 'WHITELIST_ACTIVATED'""")
                .setParameter(1, applicationId).getResultList());
    }

    /** Gives up every claim of an application that ends without approval (rejected, expired). */
    public static void releaseAll(Application app) {
        app.wallets.forEach(w -> w.claimed = false);
    }

    /** Releases a wallet's claim for good, recording who and why (an administrator, the erasure of the application). */
    public static void release(ApplicationWallet wallet, String by, String reason, Instant at) {
        wallet.claimed = false;
        wallet.releasedAt = at;
        wallet.releasedBy = by;
        wallet.releaseReason = reason;
    }
}
