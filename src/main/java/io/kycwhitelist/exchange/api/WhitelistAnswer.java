package io.kycwhitelist.exchange.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.intake.Chain;
import io.kycwhitelist.whitelist.WhitelistStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WhitelistAnswer", description = "Whether an address may receive the token.")
public record WhitelistAnswer(
        @Schema(description = "EIP-55 form.", example = "0x52908400098527886E0F7030069857D2E4169EE7") String address,
        Chain chain,
        @Schema(description = "True only for an ACTIVE entry.") boolean whitelisted,
        WhitelistStatus status,
        @Schema(description = "When the address took this status; absent for NOT_LISTED.") Instant since,
        @Schema(description = "When the whitelisting ends (the identity document's expiry); absent for NOT_LISTED.") Instant expiresAt,
        @Schema(description = "The holder proved control of the address with a signed challenge; absent for NOT_LISTED.") Boolean ownershipProven) {}
