package io.kycwhitelist.intake.service;

import io.kycwhitelist.common.Ethereum;
import io.kycwhitelist.intake.Application;
import io.kycwhitelist.intake.api.ApplicationRequest;
import io.kycwhitelist.intake.api.OrganizationApplicationRequest;
import io.kycwhitelist.intake.api.PersonDetails;
import io.kycwhitelist.policy.Applicant;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.policy.PolicyDecision;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.policy.ReasonCode;
import io.kycwhitelist.screening.service.ScreeningService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Applications as the policy sees them, and what the sanctions screening adds to a policy decision. */
public final class ApplicantPolicy {

    private ApplicantPolicy() {}

    /** A stored application as the policy sees it, with the identity document given (the one on file, or a renewal's). */
    public static Applicant applicant(Application app, LocalDate dateOfBirth, DocumentType documentType, String documentIssuingCountry) {
        Applicant.Person person = new Applicant.Person(dateOfBirth, app.citizenships, app.countryOfResidence, app.residenceSubdivision,
                app.taxResidences, app.usPermanentResident, documentType, documentIssuingCountry);
        Applicant.Organization organization = app.countryOfIncorporation == null ? null
                : new Applicant.Organization(app.countryOfIncorporation, app.principalPlaceOfBusiness);
        return new Applicant(person, organization, app.professionalInvestor);
    }

    /** The policy's view of a request. Call only on a valid request. */
    static Applicant applicant(ApplicationRequest request) {
        PersonDetails p = request.person();
        Applicant.Person person = new Applicant.Person(
                LocalDate.parse(p.dateOfBirth),
                upper(p.citizenships),
                upper(p.countryOfResidence),
                p.residenceSubdivision == null ? null : upper(p.residenceSubdivision),
                p.taxResidences == null ? List.of() : upper(p.taxResidences),
                p.usPermanentResident,
                p.idDocument.type(),
                upper(p.idDocument.issuingCountry()));
        Applicant.Organization organization = request instanceof OrganizationApplicationRequest org
                ? new Applicant.Organization(upper(org.countryOfIncorporation), upper(org.principalPlaceOfBusiness))
                : null;
        return new Applicant(person, organization, request.professionalInvestor());
    }

    /** Sanctioned wallets reject the application; possible name matches flag it for (four-eyes) review. */
    public static PolicyDecision withScreening(PolicyDecision decision, ScreeningService.Screened screened) {
        List<Reason> reasons = new ArrayList<>(decision.reasons());
        for (String wallet : screened.sanctionedWallets()) {
            reasons.add(new Reason(ReasonCode.SANCTIONED_WALLET, null, null, "The wallet " + Ethereum.checksummed(wallet)
                    + " is on OFAC's list of sanctioned digital currency addresses; it cannot be whitelisted."));
        }
        Set<Flag> flags = new HashSet<>(decision.flags());
        if (screened.potentialNameMatch()) {
            flags.add(Flag.SANCTIONS_POTENTIAL_MATCH);
        }
        return new PolicyDecision(decision.policyVersion(), reasons, flags);
    }

    static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    static List<String> upper(List<String> codes) {
        return codes.stream().map(ApplicantPolicy::upper).toList();
    }
}
