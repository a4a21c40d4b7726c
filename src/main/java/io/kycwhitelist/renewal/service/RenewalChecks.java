package io.kycwhitelist.renewal.service;

import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.ApplicationWallet;
import io.kycwhitelist.intake.service.ApplicantPolicy;
import io.kycwhitelist.intake.service.SealedFields;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.PolicyInForce;
import io.kycwhitelist.renewal.Renewal;
import io.kycwhitelist.screening.service.SanctionsHit;
import io.kycwhitelist.screening.service.ScreeningService;
import io.kycwhitelist.whitelist.ChangeType;
import io.kycwhitelist.whitelist.OutboxEvent;
import io.kycwhitelist.whitelist.WhitelistEntry;
import io.kycwhitelist.whitelist.WhitelistStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What decides a renewal, when the holder asks and again when a reviewer decides: the policy in
 * force with the new document, the sanctions lists in force, and the entries it would renew.
 */
@ApplicationScoped
class RenewalChecks {

    private final PolicyInForce policies;
    private final ScreeningService screening;
    private final SealedFields sealed;

    RenewalChecks(PolicyInForce policies, ScreeningService screening, SealedFields sealed) {
        this.policies = policies;
        this.screening = screening;
        this.sealed = sealed;
    }

    /** The policy in force on the applicant with the renewal's document. */
    PolicyDecision policy(Application app, Renewal renewal) {
        return policies.current().evaluate(ApplicantPolicy.applicant(app, sealed.dateOfBirth(app), renewal.idDocumentType,
                renewal.idDocumentIssuingCountry), LocalDate.now(ZoneOffset.UTC));
    }

    /** The applicant's names and held wallets against the lists in force (the names of an erased application are hashes: not screened). */
    ScreeningService.Screened screen(Application app) {
        boolean erased = app.erasedAt != null;
        return screening.screen(new ScreeningService.Subjects(erased ? null : app.fullLegalName, sealed.dateOfBirth(app),
                erased ? null : app.organizationLegalName, app.wallets.stream().filter(w -> w.claimed).map(w -> w.address).toList()));
    }

    /** Records what a screening found that was not recorded before (new possible matches, listed wallets). */
    void recordNew(Application app, String policyVersion, ScreeningService.Screened screened, Instant at) {
        List<ScreeningService.Found> found = new ArrayList<>(screened.unrecordedNameMatches(app.id));
        screened.hits().stream().filter(h -> h.subject() == SanctionsHit.Subject.WALLET).forEach(found::add);
        if (!found.isEmpty()) {
            screening.record(app.id, policyVersion, new ScreeningService.Screened(screened.lists(), screened.threshold(), found), at);
        }
    }

    /** The flags of a renewal: the policy's with the new document, and an open possible sanctions match of the applicant. */
    static List<Flag> flags(Application app, PolicyDecision policy, List<Flag> earlier) {
        Set<Flag> flags = new LinkedHashSet<>(earlier);
        flags.addAll(policy.flags());
        if (SanctionsHit.openNameMatch(app.id)) {
            flags.add(Flag.SANCTIONS_POTENTIAL_MATCH);
        }
        return flags.stream().sorted().toList();
    }

    /**
     * The application's entries a renewal renews: of wallets it holds, ACTIVE or EXPIRED, with no
     * other change on its way. With {@code lock}, the entries are locked (in address order) as a
     * revocation locks its entry, so that a revocation committing meanwhile is seen and wins.
     */
    static List<WhitelistEntry> renewable(Application app, boolean lock) {
        List<WhitelistEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ApplicationWallet wallet : app.wallets.stream().filter(w -> w.claimed).sorted(Comparator.comparing(w -> w.addressKey)).toList()) {
            if (!seen.add(wallet.addressKey)) {
                continue;
            }
            WhitelistEntry entry = lock ? WhitelistEntry.findById(wallet.addressKey, LockModeType.PESSIMISTIC_WRITE) : WhitelistEntry.findById(wallet.addressKey);
            if (entry != null && entry.applicationId.equals(app.id)
                    && (entry.status == WhitelistStatus.ACTIVE || entry.status == WhitelistStatus.EXPIRED)
                    && OutboxEvent.count("publishedAt is null and lower(address) = ?1 and type <> ?2", wallet.addressKey, ChangeType.WHITELIST_ACTIVATED) == 0) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
