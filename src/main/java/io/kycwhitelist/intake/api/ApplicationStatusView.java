package io.kycwhitelist.intake.api;

import io.kycwhitelist.intake.DocumentKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApplicationStatusView", description = "Where an application stands; it carries no personal data and nothing of the review.")
public record ApplicationStatusView(
        UUID id,
        ApplicantStatus status,
        @Schema(description = "Why it was rejected.") List<ReasonView> reasons,
        String policyVersion,
        @Schema(description = "Documents still to upload, by their path segment.", example = "[\"identity\"]") List<String> missingDocuments,
        @Schema(description = "Wallets (EIP-55) whose control is still to prove with a signed challenge.") List<String> unprovenWallets,
        @Schema(description = "Wallets (EIP-55) this application cannot hold: another application proved control of the address first, "
                + "or an administrator released it. They are not whitelisted with this application.") List<String> takenWallets,
        @Schema(description = "When it was submitted. (No time of its last change: that moves with what reviewers do, which the "
                + "applicant is not told.)") Instant createdAt) {

    public static List<String> segments(List<DocumentKind> kinds) {
        return kinds.stream().map(DocumentKind::pathSegment).toList();
    }
}
