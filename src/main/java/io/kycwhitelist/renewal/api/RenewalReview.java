package io.kycwhitelist.renewal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.policy.DocumentType;
import io.kycwhitelist.renewal.Renewal;
import io.kycwhitelist.whitelist.api.WhitelistEntryView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A renewal as a reviewer sees it: the document on file, the new one, and the entries it renews. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RenewalReview")
public record RenewalReview(
        UUID id,
        UUID applicationId,
        Renewal.Status status,
        String fullLegalName,
        @Schema(description = "The identity document on file.") Document current,
        @Schema(description = "The new identity document; its copy is at /api/v1/review/renewals/{id}/document.") Document renewal,
        @Schema(description = "The whitelist entries of the application; ACTIVE and EXPIRED ones are renewed.") List<WhitelistEntryView> entries,
        Instant requestedAt,
        Instant documentAt,
        String decidedBy,
        String decisionReason,
        Instant decidedAt) {

    @Schema(name = "RenewalDocument")
    public record Document(DocumentType type, String number, String issuingCountry, LocalDate expiryDate) {}
}
