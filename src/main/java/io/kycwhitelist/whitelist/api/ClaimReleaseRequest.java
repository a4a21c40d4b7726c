package io.kycwhitelist.whitelist.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClaimReleaseRequest")
public record ClaimReleaseRequest(
        @NotBlank @Size(max = 2000)
        @Schema(example = "Ticket 4411: the holder moved this wallet to a new application; the old one was abandoned.")
        String reason) {}
