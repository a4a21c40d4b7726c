package io.kycwhitelist.intake.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasureRequest")
public record ErasureRequest(
        @NotNull
        @Size(max = 2000)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Schema(description = "Why; recorded in the audit trail. Never a name.", example = "Erasure request of the applicant, ticket 4711.")
        String reason) {}
