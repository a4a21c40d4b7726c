package io.kycwhitelist.intake.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationDocument;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.ClaimChanged;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.UploadedDocument;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.policy.WalletProof;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * When an application waiting for its applicant goes to review: every required document is in,
 * and every wallet it can still hold is held. Where the policy requires proofs, a wallet is held
 * once proven; where it makes them optional, the wallets are claimed here, and unproven ones go to
 * review flagged WALLET_NOT_PROVEN. An application left with no wallet it can hold stays where it
 * is (and expires).
 */
@ApplicationScoped
public class Readiness {

    private static final Logger LOG = Logger.getLogger(Readiness.class);

    private final PolicyInForce policies;
    private final WalletClaims claims;
    private final AuditTrail audit;

    Readiness(PolicyInForce policies, WalletClaims claims, AuditTrail audit) {
        this.policies = policies;
        this.claims = claims;
        this.audit = audit;
    }

    /** @return whether the application went to review */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advanceIfComplete(Application app, Instant now) {
        if (app.status != ApplicationStatus.PENDING_DOCUMENT || !missingDocuments(app).isEmpty()) {
            return false;
        }
        List<ApplicationWallet> usable = claims.usable(app);
        boolean unproven = usable.stream().anyMatch(w -> !w.proven());
        if (usable.isEmpty() || (unproven && policies.current().walletProof() == WalletProof.REQUIRED)) {
            return false;
        }
        // in address order: two applications claiming the same addresses at once wait for each other, never deadlock
        List<ApplicationWallet> held = usable.stream().sorted(Comparator.comparing(w -> w.addressKey)).filter(claims::claim).toList();
        if (held.isEmpty()) {
            return false;
        }
        boolean heldUnproven = held.stream().anyMatch(w -> !w.proven());
        if (heldUnproven && !app.flags.contains(Flag.WALLET_NOT_PROVEN)) {
            List<Flag> flags = new ArrayList<>(app.flags);
            flags.add(Flag.WALLET_NOT_PROVEN);
            app.flags = flags;
        }
        app.status = ApplicationStatus.PENDING_REVIEW;
        audit.record(AuditTrail.SYSTEM, AuditAction.READY_FOR_REVIEW, app.id, app.policyVersion,
                "wallets held=" + held.size() + (heldUnproven ? " flags=" + app.flags : ""), now);
        return true;
    }

    /**
     * Once a claim on an address changed, the applications still waiting for their applicants that
     * name it are looked at again: one whose only missing piece was that wallet's proof is complete
     * now that the wallet is taken (it goes on with its other wallets). One transaction each.
     */
    void onClaimChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClaimChanged changed) {
        List<UUID> waiting = QuarkusTransaction.requiringNew().call(() -> ApplicationWallet.getEntityManager().createQuery(
                        "select distinct w.application.id from ApplicationWallet w where w.addressKey = ?1 and w.application.status = ?2", UUID.class)
                .setParameter(1, changed.addressKey()).setParameter(2, ApplicationStatus.PENDING_DOCUMENT).getResultList());
        for (UUID id : waiting) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Application app = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    if (advanceIfComplete(app, now)) {
                        app.updatedAt = now;
                        LOG.infof("Application %s: complete once another application took one of its wallets, now %s", app.id, app.status);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf("Application %s not looked at again after a claim changed (its applicant's next step will): %s", id, e.getMessage());
            }
        }
    }

    /** The documents still to upload, while the application waits for them. */
    public static List<DocumentKind> missingDocuments(Application app) {
        if (app.status != ApplicationStatus.PENDING_DOCUMENT) {
            return List.of();
        }
        return UploadedDocument.missing(app.requiredDocuments(), ApplicationDocument.list("applicationId", app.id));
    }
}
