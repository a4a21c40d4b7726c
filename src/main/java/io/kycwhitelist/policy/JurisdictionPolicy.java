package io.kycwhitelist.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the restricted-jurisdiction policy, and the rules that apply it to an applicant.
 *
 * <p>Rules: every restricted country is checked against every attribute it applies to; an
 * application collects every reason that applies. An applicant restricted only through countries
 * that except Professional Investors, who claims that status, is not rejected but flagged.
 *
 * @param version the version recorded with every decision
 * @param sha256 hash of the data file this policy was read from
 * @param acceptedTermsVersions terms-and-conditions versions an applicant may declare
 * @param walletProof whether wallets must be proven before review
 */
public record JurisdictionPolicy(
        String version,
        LocalDate effectiveDate,
        String sha256,
        int minimumAge,
        List<String> acceptedTermsVersions,
        WalletProof walletProof,
        List<RestrictedCountry> countries,
        List<RestrictedSubdivision> subdivisions) {

    public JurisdictionPolicy {
        Objects.requireNonNull(version, "version");
        acceptedTermsVersions = List.copyOf(acceptedTermsVersions);
        countries = List.copyOf(countries);
        subdivisions = List.copyOf(subdivisions);
    }

    public Optional<RestrictedCountry> country(String code) {
        return countries.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** True when the country has restricted regions, so its residents must name their region. */
    public boolean hasRestrictedSubdivisions(String country) {
        return subdivisions.stream().anyMatch(s -> s.country().equals(country));
    }

    /**
     * Decides an applicant. A null date of birth (erased personal data, re-screened later) skips
     * the age test: it was passed at intake, and age only grows.
     */
    public PolicyDecision evaluate(Applicant applicant, LocalDate today) {
        var check = new Evaluation(applicant.isOrganization() ? "The representative's" : "The applicant's");
        Applicant.Person person = applicant.person();
        person.citizenships().forEach(c -> check.country(c, Attribute.CITIZENSHIP, ReasonCode.RESTRICTED_CITIZENSHIP, "citizenship"));
        check.country(person.countryOfResidence(), Attribute.RESIDENCE, ReasonCode.RESTRICTED_RESIDENCE, "country of residence");
        subdivisions.stream()
                .filter(s -> s.code().equals(person.residenceSubdivision()))
                .forEach(check::subdivision);
        person.taxResidences().forEach(c -> check.country(c, Attribute.TAX_RESIDENCE, ReasonCode.RESTRICTED_TAX_RESIDENCE, "tax residence"));
        if (person.usPermanentResident()) {
            check.country("US", Attribute.PERMANENT_RESIDENCE, ReasonCode.US_PERMANENT_RESIDENT, "country of permanent residence (green card)");
        }
        check.country(person.documentIssuingCountry(), Attribute.ID_DOCUMENT, ReasonCode.RESTRICTED_DOCUMENT_COUNTRY, "identity document's issuing country");
        if (person.dateOfBirth() != null && Period.between(person.dateOfBirth(), today).getYears() < minimumAge) {
            check.reasons.add(new Excludable(new Reason(ReasonCode.UNDERAGE, null, null,
                    check.subject + " age is under " + minimumAge + ": applicants must be adults."), Optional.empty()));
        }
        if (person.documentType() == DocumentType.PASSPORT && !person.citizenships().contains(person.documentIssuingCountry())) {
            check.flags.add(Flag.DOCUMENT_NATIONALITY_MISMATCH);
        }
        if (applicant.isOrganization()) {
            check.subject = "The organisation's";
            check.country(applicant.organization().countryOfIncorporation(), Attribute.INCORPORATION, ReasonCode.RESTRICTED_INCORPORATION, "country of incorporation");
            check.country(applicant.organization().principalPlaceOfBusiness(), Attribute.PLACE_OF_BUSINESS, ReasonCode.RESTRICTED_PLACE_OF_BUSINESS, "principal place of business");
        }
        return check.decide(applicant.claimsProfessionalInvestor());
    }

    /** A reason, with the exemption (if any) under which it would not reject. */
    private record Excludable(Reason reason, Optional<Exemption> exemption) {}

    private final class Evaluation {
        private final List<Excludable> reasons = new ArrayList<>();
        private final Set<Flag> flags = EnumSet.noneOf(Flag.class);
        private String subject;

        Evaluation(String subject) {
            this.subject = subject;
        }

        void country(String code, Attribute attribute, ReasonCode reasonCode, String what) {
            JurisdictionPolicy.this.country(code)
                    .filter(c -> c.appliesTo().contains(attribute))
                    .ifPresent(c -> reasons.add(new Excludable(new Reason(reasonCode, c.code(), null,
                            "%s %s is %s (%s), a restricted jurisdiction: %s.".formatted(subject, what, c.name(), c.code(), c.basis())),
                            c.exemption())));
        }

        void subdivision(RestrictedSubdivision s) {
            reasons.add(new Excludable(new Reason(ReasonCode.RESTRICTED_RESIDENCE, s.country(), s.code(),
                    "%s region of residence is %s (%s), a restricted region: %s.".formatted(subject, s.name(), s.code(), s.basis())),
                    Optional.empty()));
        }

        PolicyDecision decide(boolean claimsProfessionalInvestor) {
            List<Reason> distinct = reasons.stream().map(Excludable::reason).distinct().toList();
            boolean onlyExempted = !reasons.isEmpty() && reasons.stream()
                    .allMatch(r -> r.exemption().equals(Optional.of(Exemption.PROFESSIONAL_INVESTOR)));
            if (onlyExempted && claimsProfessionalInvestor) {
                flags.add(Flag.PROFESSIONAL_INVESTOR_EXCEPTION);
                return new PolicyDecision(version, List.of(), flags);
            }
            return new PolicyDecision(version, distinct, flags);
        }
    }
}
