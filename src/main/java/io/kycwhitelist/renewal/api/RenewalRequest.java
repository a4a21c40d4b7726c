package io.kycwhitelist.renewal.api;

import io.kycwhitelist.intake.api.IdDocumentRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RenewalRequest")
public record RenewalRequest(@NotNull @Valid @Schema(description = "The new identity document; upload its copy next.") IdDocumentRequest idDocument) {}
