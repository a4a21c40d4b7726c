package io.kycwhitelist.ownership.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WalletChallenge", description = "A message to sign with the wallet (personal_sign), once, before it expires.")
public record ChallengeAnswer(
        @Schema(description = "Sign exactly this text, in the EIP-4361 form.") String message,
        @Schema(example = "q3Jb0rZ3mXoYc1tq") String nonce,
        Instant expiresAt) {}
