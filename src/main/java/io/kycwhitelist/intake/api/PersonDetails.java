package io.kycwhitelist.intake.api;

import io.kycwhitelist.common.validation.CountryCode;
import io.kycwhitelist.common.validation.IsoDate;
import io.kycwhitelist.common.validation.SubdivisionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A natural person: the individual applicant, or an organisation's representative. */
@Schema(name = "Person", description = "A natural person: the applicant, or the organisation's representative who signs.")
public class PersonDetails {

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = ApiLimits.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
    @Schema(description = "Full legal name as on the identity document, in any script.", example = "Zoë Łukasiewicz")
    public String fullLegalName;

    @NotNull
    @IsoDate(notFuture = true)
    @Schema(format = "date", example = "1990-04-12")
    public String dateOfBirth;

    @NotEmpty
    @Size(max = 10)
    @Schema(description = "Every citizenship held, ISO 3166-1 alpha-2 (any case in, upper case out).", example = "[\"DE\"]")
    public List<@NotNull @CountryCode String> citizenships;

    @NotNull
    @CountryCode
    @Schema(description = "ISO 3166-1 alpha-2.", example = "DE")
    public String countryOfResidence;

    @SubdivisionCode
    @Schema(description = "ISO 3166-2 code of the region of residence. Required where the policy restricts regions of the country of residence (see /api/v1/jurisdictions).", example = "DE-BE")
    public String residenceSubdivision;

    @Size(max = 10)
    @Schema(description = "Every tax residence, ISO 3166-1 alpha-2. Absent means the country of residence.", example = "[\"DE\"]")
    public List<@NotNull @CountryCode String> taxResidences;

    @NotNull
    @Schema(description = "Holds a U.S. permanent resident card (green card).", example = "false")
    public Boolean usPermanentResident;

    @NotNull
    @Valid
    public IdDocumentRequest idDocument;
}
