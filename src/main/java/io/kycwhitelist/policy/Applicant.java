package io.kycwhitelist.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts the policy decides on. For an organisation, {@code person} is its representative,
 * the natural person who signs.
 */
public record Applicant(Person person, Organization organization, boolean claimsProfessionalInvestor) {

    public static Applicant individual(Person person, boolean claimsProfessionalInvestor) {
        return new Applicant(person, null, claimsProfessionalInvestor);
    }

    public boolean isOrganization() {
        return organization != null;
    }

    /**
     * A natural person.
     *
     * @param taxResidences the tax residences; the policy applies the residence when empty
     * @param usPermanentResident holds a U.S. green card
     */
    public record Person(
            LocalDate dateOfBirth,
            List<String> citizenships,
            String countryOfResidence,
            String residenceSubdivision,
            List<String> taxResidences,
            boolean usPermanentResident,
            DocumentType documentType,
            String documentIssuingCountry) {

        public Person {
            citizenships = List.copyOf(citizenships);
            taxResidences = taxResidences == null || taxResidences.isEmpty()
                    ? List.of(countryOfResidence)
                    : List.copyOf(taxResidences);
        }
    }

    public record Organization(String countryOfIncorporation, String principalPlaceOfBusiness) {}
}
