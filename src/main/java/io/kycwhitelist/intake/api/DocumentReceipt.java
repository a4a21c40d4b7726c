package io.kycwhitelist.intake.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DocumentReceipt")
public record DocumentReceipt(
        @Schema(description = "IN_REVIEW once every required document is in and, where the policy requires it, every wallet is proven.") ApplicantStatus status,
        @Schema(example = "[]") List<String> missingDocuments,
        @Schema(description = "Wallets (EIP-55) whose control is still to prove.", example = "[]") List<String> unprovenWallets,
        @Schema(description = "Wallets (EIP-55) this application cannot hold: another application proved control first, or an administrator released it.",
                example = "[]") List<String> takenWallets) {}
