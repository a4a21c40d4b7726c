package io.kycwhitelist.intake.api;

import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.policy.Flag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApplicationCreated", description = "The answer to a submission. The status token is shown here only: keep it.")
public record ApplicationCreated(
        UUID id,
        @Schema(description = "REJECTED when the policy rejects the applicant, otherwise PENDING_DOCUMENT.") ApplicationStatus status,
        List<ReasonView> reasons,
        List<Flag> flags,
        @Schema(example = "2026-11-22.1") String policyVersion,
        @Schema(description = "Secret for the X-Status-Token header of the status and document endpoints. Shown once; only its hash is stored.")
        String statusToken,
        Instant createdAt) {

    public ApplicationCreated withStatusToken(String token) {
        return new ApplicationCreated(id, status, reasons, flags, policyVersion, token, createdAt);
    }
}
