package io.kycwhitelist.policy.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.policy.Attribute;
import io.kycwhitelist.policy.Exemption;
import io.kycwhitelist.policy.JurisdictionPolicy;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Jurisdictions", description = "The restricted-jurisdiction policy in force.")
public record JurisdictionsView(
        @Schema(example = "2026-11-22.1") String version,
        LocalDate effectiveDate,
        @Schema(example = "18") int minimumAge,
        @Schema(description = "Terms versions an applicant may declare (declarations.termsVersion).") List<String> acceptedTermsVersions,
        List<Country> countries,
        List<Subdivision> subdivisions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RestrictedCountry")
    public record Country(
            @Schema(example = "HK") String code,
            @Schema(example = "Hong Kong SAR China") String name,
            @Schema(example = "restricted by the issuer, except for Professional Investors") String basis,
            List<Attribute> appliesTo,
            @Schema(description = "The class of applicants excepted, if any.") Exemption exception) {}

    @Schema(name = "RestrictedSubdivision", description = "A restricted region; it applies to the region of residence.")
    public record Subdivision(
            @Schema(example = "UA-43") String code,
            @Schema(example = "UA") String country,
            @Schema(example = "Crimea") String name,
            String basis) {}

    static JurisdictionsView of(JurisdictionPolicy policy) {
        return new JurisdictionsView(policy.version(), policy.effectiveDate(), policy.minimumAge(), policy.acceptedTermsVersions(),
                policy.countries().stream()
                        .map(c -> new Country(c.code(), c.name(), c.basis(), c.appliesTo().stream().sorted().toList(), c.exemption().orElse(null)))
                        .toList(),
                policy.subdivisions().stream()
                        .map(s -> new Subdivision(s.code(), s.country(), s.name(), s.basis()))
                        .toList());
    }
}
