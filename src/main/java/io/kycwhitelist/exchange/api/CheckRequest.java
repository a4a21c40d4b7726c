package io.kycwhitelist.exchange.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CheckRequest")
public record CheckRequest(
        @NotEmpty @Size(max = 1000)
        @Schema(description = "Ethereum addresses in any case; a mixed-case one must pass its EIP-55 checksum.")
        List<@NotNull String> addresses) {}
