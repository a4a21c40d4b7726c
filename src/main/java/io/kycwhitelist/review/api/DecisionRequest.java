package io.kycwhitelist.review.api;

import io.kycwhitelist.review.Decision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotNull Decision decision,
        @Size(max = 2000)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Schema(description = "Why; required to reject, recorded in the audit trail.", example = "Passport photo does not match the applicant.")
        String reason) {}
