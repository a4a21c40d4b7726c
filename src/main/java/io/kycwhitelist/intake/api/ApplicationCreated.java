package io.kycwhitelist.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Also stored as the answer an Idempotency-Key replays (answers stored by earlier versions may carry more fields). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "ApplicationCreated", description = "The answer to a submission. The status token is shown here only: keep it.")
public record ApplicationCreated(
        UUID id,
        @Schema(description = "REJECTED when the policy rejects the applicant, otherwise PENDING_DOCUMENT.") ApplicantStatus status,
        List<ReasonView> reasons,
        @Schema(description = "The documents to upload next, by their path segment.", example = "[\"identity\"]") List<String> missingDocuments,
        @Schema(example = "2026-11-22.1") String policyVersion,
        @Schema(description = "Secret for the X-Status-Token header of the status and document endpoints. Shown once; only its hash is stored.")
        String statusToken,
        Instant createdAt) {

    public ApplicationCreated withStatusToken(String token) {
        return new ApplicationCreated(id, status, reasons, missingDocuments, policyVersion, token, createdAt);
    }
}
