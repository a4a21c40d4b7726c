package io.kycwhitelist.intake.api;

import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.intake.DocumentKind;
import io.kycwhitelist.policy.Flag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApplicationStatusView", description = "Where an application stands; it carries no personal data.")
public record ApplicationStatusView(
        UUID id,
        ApplicationStatus status,
        List<ReasonView> reasons,
        List<Flag> flags,
        String policyVersion,
        @Schema(description = "Documents still to upload, by their path segment.", example = "[\"identity\"]") List<String> missingDocuments,
        @Schema(description = "Wallets (EIP-55) whose control is still to prove with a signed challenge.") List<String> unprovenWallets,
        Instant createdAt,
        Instant updatedAt) {

    public static List<String> segments(List<DocumentKind> kinds) {
        return kinds.stream().map(DocumentKind::pathSegment).toList();
    }
}
