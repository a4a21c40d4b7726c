package io.kycwhitelist.intake.service;

import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.api.ApplicantStatus;
import io.kycwhitelist.intake.api.ApplicationStatusView;
import io.kycwhitelist.intake.api.DocumentReceipt;
import io.kycwhitelist.intake.api.ReasonView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * An application as its applicant sees it: where it stands and what is still to do, with no
 * personal data and nothing of the review (no stages, no flags): a flagged application and a
 * clean one look alike.
 */
@ApplicationScoped
public class ApplicantView {

    private final ApplicationAccess access;
    private final WalletClaims claims;

    ApplicantView(ApplicationAccess access, WalletClaims claims) {
        this.access = access;
        this.claims = claims;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationStatusView status(UUID id, String statusToken) {
        Application app = access.authorized(id, statusToken, false);
        List<ApplicationWallet> taken = claims.taken(app);
        return new ApplicationStatusView(app.id, ApplicantStatus.of(app.status), app.reasons.stream().map(ReasonView::of).toList(),
                app.policyVersion, ApplicationStatusView.segments(Readiness.missingDocuments(app)), unproven(app, taken), addresses(taken),
                app.createdAt);
    }

    /** What an upload or a proof leaves to do. */
    public DocumentReceipt receipt(Application app) {
        List<ApplicationWallet> taken = claims.taken(app);
        return new DocumentReceipt(ApplicantStatus.of(app.status), ApplicationStatusView.segments(Readiness.missingDocuments(app)),
                unproven(app, taken), addresses(taken));
    }

    /** The wallets still to prove, while the applicant can still prove them. */
    private static List<String> unproven(Application app, List<ApplicationWallet> taken) {
        if (app.status.closed()) {
            return List.of();
        }
        return app.wallets.stream().filter(w -> !w.proven() && !taken.contains(w)).map(w -> w.address).toList();
    }

    private static List<String> addresses(List<ApplicationWallet> wallets) {
        return wallets.stream().map(w -> w.address).toList();
    }
}
