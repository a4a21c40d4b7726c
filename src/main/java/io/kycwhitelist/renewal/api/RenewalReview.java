package io.kycwhitelist.renewal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.policy.Flag;
import io.kycwhitelist.renewal.Renewal;
import io.kycwhitelist.review.api.ApplicationReview;
import io.kycwhitelist.whitelist.api.WhitelistEntryView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A renewal as a reviewer sees it: the document on file, the new one, its flags and evidence, the decisions so far, the entries it renews. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RenewalReview")
public record RenewalReview(
        UUID id,
        UUID applicationId,
        Renewal.Status status,
        String fullLegalName,
        @Schema(description = "The identity document on file.") Document current,
        @Schema(description = "The new identity document; its copy is at /api/v1/review/renewals/{id}/documents/identity.") Document renewal,
        @Schema(description = "What to look at: the policy's flags with the new document, and a possible sanctions match of the applicant.")
        List<Flag> flags,
        @Schema(description = "Approvals a final approval needs: 2 for a flagged renewal (four eyes), otherwise 1.") int approvalsRequired,
        @Schema(description = "The documents uploaded for the renewal.") List<ApplicationReview.Document> documents,
        @Schema(description = "Every decision so far, oldest first.") List<ApplicationReview.DecisionView> decisions,
        @Schema(description = "The applicant's latest sanctions screening and every hit recorded for the application; open hits block approval.")
        ApplicationReview.Sanctions sanctions,
        @Schema(description = "The whitelist entries of the application; ACTIVE and EXPIRED ones are renewed.") List<WhitelistEntryView> entries,
        Instant requestedAt,
        Instant documentAt,
        String decidedBy,
        String decisionReason,
        Instant decidedAt,
        Instant updatedAt) {

    @Schema(name = "RenewalDocument")
    public record Document(DocumentType type, String number, String issuingCountry, LocalDate expiryDate) {}
}
