package io.kycwhitelist.chain.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChainStatus", description = "Where the token contract publication stands, as of the dispatcher's last round.")
public record ChainStatusView(
        boolean enabled,
        @Schema(description = "EIP-155 chain id") Long chainId,
        String contractAddress,
        @Schema(description = "The address of the operator key that writes the contract's whitelist") String operatorAddress,
        Integer confirmations,
        long pending, long sent, long dead, long oldestOpenSeconds,
        @Schema(description = "Why publication is held up (wrong chain, not the contract's operator, the node not answering); absent when it is not")
        String problem) {}
