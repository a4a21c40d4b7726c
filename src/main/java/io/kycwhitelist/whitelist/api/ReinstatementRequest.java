package io.kycwhitelist.whitelist.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReinstatementRequest")
public record ReinstatementRequest(
        @NotBlank @Size(max = 2000)
        @Schema(example = "The possible match (UN QDi.123) is a different person: other date and place of birth, checked against the passport.")
        String reason) {}
