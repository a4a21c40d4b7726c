package io.kycwhitelist.intake.api;

import io.kycwhitelist.intake.ApplicationStatus;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DocumentReceipt")
public record DocumentReceipt(
        @Schema(description = "PENDING_REVIEW once every required document is in and, where the policy requires it, every wallet is proven.") ApplicationStatus status,
        @Schema(example = "[]") List<String> missingDocuments,
        @Schema(description = "Wallets (EIP-55) whose control is still to prove.", example = "[]") List<String> unprovenWallets) {}
