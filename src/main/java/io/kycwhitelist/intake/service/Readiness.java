package io.kycwhitelist.intake.service;

import io.kycwhitelist.audit.AuditAction;
import io.kycwhitelist.audit.AuditTrail;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationDocument;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.policy.WalletProof;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When an application waiting for its applicant goes to review: every required document is in,
 * and every wallet it can still hold is held. Where the policy requires proofs, a wallet is held
 * once proven; where it makes them optional, the wallets are claimed here, and unproven ones go to
 * review flagged WALLET_NOT_PROVEN. An application left with no wallet it can hold stays where it
 * is (and expires).
 */
@ApplicationScoped
public class Readiness {

    private final PolicyInForce policies;
    private final WalletClaims claims;
    private final AuditTrail audit;

    Readiness(PolicyInForce policies, WalletClaims claims, AuditTrail audit) {
        this.policies = policies;
        this.claims = claims;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void advanceIfComplete(Application app, Instant now) {
        if (app.status != ApplicationStatus.PENDING_DOCUMENT || !missingDocuments(app).isEmpty()) {
            return;
        }
        List<ApplicationWallet> usable = claims.usable(app);
        boolean unproven = usable.stream().anyMatch(w -> !w.proven());
        if (usable.isEmpty() || (unproven && policies.current().walletProof() == WalletProof.REQUIRED)) {
            return;
        }
        List<ApplicationWallet> held = usable.stream().filter(claims::claim).toList();
        if (held.isEmpty()) {
            return;
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
    }

    /** The documents still to upload, while the application waits for them. */
    public static List<DocumentKind> missingDocuments(Application app) {
        if (app.status != ApplicationStatus.PENDING_DOCUMENT) {
            return List.of();
        }
        Set<DocumentKind> present = ApplicationDocument.<ApplicationDocument>find("applicationId", app.id).stream()
                .map(d -> d.kind)
                .collect(Collectors.toSet());
        return app.requiredDocuments().stream().filter(k -> !present.contains(k)).toList();
    }
}
