package io.kycwhitelist.exchange.api;

import io.kycwhitelist.exchange.RestrictionCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransferRestriction")
public record TransferRestriction(
        @Schema(description = "0 when the transfer may proceed.", example = "2") int code,
        @Schema(example = "RECIPIENT_NOT_WHITELISTED") String name,
        @Schema(example = "The recipient's address is not on the whitelist") String message) {

    public static TransferRestriction of(RestrictionCode code) {
        return new TransferRestriction(code.code(), code.name(), code.message());
    }
}
