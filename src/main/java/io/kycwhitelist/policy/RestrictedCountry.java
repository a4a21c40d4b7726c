package io.kycwhitelist.policy;

import java.util.Optional;
import java.util.Set;

/**
 * One restricted country or territory of the policy.
 *
 * @param code ISO 3166-1 alpha-2
 * @param name English name shown to applicants
 * @param basis why it is restricted (for example the issuer's disclosure, a U.S. territory, OFAC)
 * @param appliesTo the applicant's attributes the restriction applies to
 * @param exemption the class of applicants excepted from it, if any
 */
public record RestrictedCountry(
        String code, String name, String basis, Set<Attribute> appliesTo, Optional<Exemption> exemption) {

    public RestrictedCountry {
        appliesTo = Set.copyOf(appliesTo);
    }
}
