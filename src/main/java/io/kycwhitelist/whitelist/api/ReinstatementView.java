package io.kycwhitelist.whitelist.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.whitelist.WhitelistStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reinstatement of a suspended entry: asked for by one admin, confirmed by another. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Reinstatement")
public record ReinstatementView(
        String address,
        @Schema(description = "The entry's status now: SUSPENDED until a second admin confirms, then ACTIVE.") WhitelistStatus status,
        String requestedBy,
        String requestReason,
        Instant requestedAt,
        @Schema(description = "The second admin; absent while the reinstatement awaits confirmation.") String confirmedBy,
        String confirmReason,
        Instant confirmedAt) {

    public boolean confirmed() {
        return confirmedBy != null;
    }
}
