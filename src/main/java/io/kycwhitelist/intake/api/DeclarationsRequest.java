package io.kycwhitelist.intake.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Declarations")
public record DeclarationsRequest(
        @NotNull
        @AssertTrue(message = "must be true: only applicants who are not U.S. persons (Regulation S, Rule 902(k)) may apply")
        @Schema(description = "The applicant represents that they are not a U.S. person as Rule 902(k) of Regulation S defines it.", example = "true")
        Boolean notUsPerson,
        @NotBlank
        @Size(max = 32)
        @Schema(description = "The version of the terms and conditions the applicant accepted; one of the policy's acceptedTermsVersions.", example = "2026-11")
        String termsVersion) {}
