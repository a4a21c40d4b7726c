package io.kycwhitelist.intake.api;

import io.kycwhitelist.common.validation.CountryCode;
import io.kycwhitelist.common.validation.IsoDate;
import io.kycwhitelist.policy.DocumentType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IdDocument", description = "The government identity document whose copy is uploaded.")
public record IdDocumentRequest(
        @NotNull DocumentType type,
        @NotNull
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$", message = "must be 1 to 40 letters, digits, spaces, dots, slashes or hyphens")
        @Schema(example = "C01X00T47")
        String number,
        @NotNull @CountryCode @Schema(description = "ISO 3166-1 alpha-2 of the issuing state.", example = "DE") String issuingCountry,
        @NotNull @IsoDate(notPast = true) @Schema(format = "date", example = "2031-08-31") String expiryDate) {}
