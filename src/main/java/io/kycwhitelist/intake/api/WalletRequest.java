package io.kycwhitelist.intake.api;

import io.kycwhitelist.common.validation.EthereumAddress;
import io.kycwhitelist.intake.Chain;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Wallet")
public record WalletRequest(
        @NotNull Chain chain,
        @NotNull
        @EthereumAddress
        @Schema(description = "0x and 40 hex digits; a mixed-case address must pass its EIP-55 checksum.",
                example = "0x52908400098527886E0F7030069857D2E4169EE7")
        String address) {}
