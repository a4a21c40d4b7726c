package io.kycwhitelist.renewal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.intake.api.ReasonView;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.renewal.Renewal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A renewal as its holder sees it: no document number, and nothing of the review (no stages, no flags). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Renewal")
public record RenewalView(
        UUID id,
        UUID applicationId,
        @Schema(description = "PENDING_DOCUMENT until every document is uploaded, then IN_REVIEW; APPROVED or REJECTED; EXPIRED when not "
                + "completed in time, CANCELLED when the application's personal data was erased.")
        HolderStatus status,
        DocumentType idDocumentType,
        String idDocumentIssuingCountry,
        LocalDate idDocumentExpiry,
        @Schema(description = "Documents still to upload, by their path segment.", example = "[\"identity\"]") List<String> missingDocuments,
        @Schema(description = "Why the policy refused the new document; empty otherwise.") List<ReasonView> reasons,
        @Schema(description = "The reviewer's reason, when they rejected it.") String decisionReason,
        Instant requestedAt,
        Instant decidedAt) {

    /** Where a renewal stands for its holder: one state for the whole review. */
    @Schema(name = "RenewalStatus")
    public enum HolderStatus {
        PENDING_DOCUMENT, IN_REVIEW, APPROVED, REJECTED, EXPIRED, CANCELLED;

        static HolderStatus of(Renewal.Status status) {
            return switch (status) {
                case PENDING_DOCUMENT -> PENDING_DOCUMENT;
                case PENDING_REVIEW, PENDING_SECOND_APPROVAL -> IN_REVIEW;
                case APPROVED -> APPROVED;
                case REJECTED -> REJECTED;
                case EXPIRED -> EXPIRED;
                case CANCELLED -> CANCELLED;
            };
        }
    }

    public static RenewalView of(Renewal r, List<DocumentKind> missing) {
        return new RenewalView(r.id, r.applicationId, HolderStatus.of(r.status), r.idDocumentType, r.idDocumentIssuingCountry, r.idDocumentExpiry,
                missing.stream().map(DocumentKind::pathSegment).toList(), r.reasons.stream().map(ReasonView::of).toList(),
                r.status == Renewal.Status.REJECTED ? r.decisionReason : null, r.requestedAt, r.decidedAt);
    }
}
