package io.kycwhitelist.renewal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.intake.api.ReasonView;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.renewal.Renewal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A renewal as its holder sees it: no document number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Renewal")
public record RenewalView(
        UUID id,
        UUID applicationId,
        @Schema(description = "PENDING_DOCUMENT until the copy of the new document is uploaded, then PENDING_REVIEW; APPROVED or REJECTED.")
        Renewal.Status status,
        DocumentType idDocumentType,
        String idDocumentIssuingCountry,
        LocalDate idDocumentExpiry,
        @Schema(description = "Why the policy refused the new document; empty otherwise.") List<ReasonView> reasons,
        @Schema(description = "The reviewer's reason, when they rejected it.") String decisionReason,
        Instant requestedAt,
        Instant decidedAt) {

    public static RenewalView of(Renewal r) {
        return new RenewalView(r.id, r.applicationId, r.status, r.idDocumentType, r.idDocumentIssuingCountry, r.idDocumentExpiry,
                r.reasons.stream().map(ReasonView::of).toList(), r.status == Renewal.Status.REJECTED ? r.decisionReason : null,
                r.requestedAt, r.decidedAt);
    }
}
