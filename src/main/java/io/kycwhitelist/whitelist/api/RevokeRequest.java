package io.kycwhitelist.whitelist.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevokeRequest")
public record RevokeRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "Court order 2026/1187: holder identified as a U.S. person.") String reason) {}
