package io.kycwhitelist.ownership.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WalletProofRequest")
public record ProofRequest(
        @NotNull
        @Schema(description = "The personal_sign signature of the challenge message: 0x and 65 bytes in hex (r, s, v with v 27/28 or 0/1).",
                example = "0x5f0e2d3b...1b")
        String signature) {}
