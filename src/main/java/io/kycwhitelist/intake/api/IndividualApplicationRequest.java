package io.kycwhitelist.intake.api;

import io.kycwhitelist.intake.ApplicantType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndividualApplication", description = "An application by a natural person; the person's fields stand at the top level.")
public final class IndividualApplicationRequest extends PersonDetails implements ApplicationRequest {

    @NotBlank @Email @Size(max = 254) @Schema(example = "zoe@example.org")
    public String email;

    @Schema(description = "Claims Hong Kong Professional Investor status (evidence required).", defaultValue = "false")
    public Boolean professionalInvestor;

    @NotEmpty @Size(max = 10)
    public List<@NotNull @Valid WalletRequest> wallets;

    @NotNull @Valid
    public DeclarationsRequest declarations;

    @Override
    public ApplicantType applicantType() {
        return ApplicantType.INDIVIDUAL;
    }

    @Override
    public PersonDetails person() {
        return this;
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
