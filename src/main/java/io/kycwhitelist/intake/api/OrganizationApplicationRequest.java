package io.kycwhitelist.intake.api;

import io.kycwhitelist.common.validation.CountryCode;
import io.kycwhitelist.intake.ApplicantType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrganizationApplication", description = "An application by a company or other organisation, signed by its representative.")
public final class OrganizationApplicationRequest implements ApplicationRequest {

    @NotNull @Valid
    public PersonDetails representative;

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = ApiLimits.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
    @Schema(example = "Nordlicht Capital GmbH")
    public String legalName;

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = ApiLimits.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
    @Schema(example = "HRB 123456")
    public String registrationNumber;

    @NotNull @CountryCode @Schema(description = "ISO 3166-1 alpha-2: where the organisation is domiciled.", example = "DE")
    public String countryOfIncorporation;

    @NotNull @CountryCode @Schema(description = "ISO 3166-1 alpha-2.", example = "DE")
    public String principalPlaceOfBusiness;

    // The fields below repeat those of IndividualApplicationRequest, which inherits the person's
    // fields instead: Java has one superclass, and Jackson's @JsonUnwrapped would silently accept
    // unknown fields, which the contract refuses.
    @NotBlank @Email @Size(max = 254) @Schema(example = "compliance@nordlicht.example")
    public String email;

    @Schema(description = "Claims Hong Kong Professional Investor status (evidence required).", defaultValue = "false")
    public Boolean professionalInvestor;

    @NotEmpty @Size(max = 10)
    public List<@NotNull @Valid WalletRequest> wallets;

    @NotNull @Valid
    public DeclarationsRequest declarations;

    @Override
    public ApplicantType applicantType() {
        return ApplicantType.ORGANIZATION;
    }

    @Override
    public PersonDetails person() {
        return representative;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public boolean professionalInvestor() {
        return Boolean.TRUE.equals(professionalInvestor);
    }

    @Override
    public List<WalletRequest> wallets() {
        return wallets;
    }

    @Override
    public DeclarationsRequest declarations() {
        return declarations;
    }
}
