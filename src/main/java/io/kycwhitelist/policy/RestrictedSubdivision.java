package io.kycwhitelist.policy;

/**
 * A restricted region of an otherwise unrestricted country, by its ISO 3166-2 code (for example
 * "UA-43", Crimea). It applies to the applicant's residence.
 */
public record RestrictedSubdivision(String code, String name, String basis) {

    public String country() {
        return code.substring(0, 2);
    }
}
