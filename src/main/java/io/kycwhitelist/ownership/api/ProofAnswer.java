package io.kycwhitelist.ownership.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WalletProof")
public record ProofAnswer(@Schema(description = "EIP-55 form.") String address, boolean proven, Instant provenAt) {}
