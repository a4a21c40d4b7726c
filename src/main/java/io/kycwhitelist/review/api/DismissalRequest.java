package io.kycwhitelist.review.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DismissalRequest")
public record DismissalRequest(
        @NotNull
        @Size(max = 2000)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Schema(description = "Why the hit is not the applicant; recorded in the audit trail.",
                example = "Listed person born 1961 in Tehran; the applicant was born 1994 in Lisbon and her passport photo differs.")
        String reason) {}
