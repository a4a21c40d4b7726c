package io.kycwhitelist.chain.api;

import io.kycwhitelist.chain.ChainPublication;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChainPublication", description = "One whitelist change written to the token contract.")
public record ChainPublicationView(
        long id, UUID eventId,
        @Schema(description = "The change's position in the whitelist's outbox: an address's later changes have higher ones") long sequence,
        String changeType, String address,
        @Schema(description = "The status number the contract is to hold (0 not listed, 1 active, 2 revoked, 3 expired, 4 sanctioned, 5 suspended)")
        int targetStatus,
        @Schema(description = "The end of an ACTIVE whitelisting the contract is to hold, in seconds since the epoch (0: none)")
        long targetExpiresAt,
        ChainPublication.Status status, Long nonce, List<String> transactionHashes,
        @Schema(description = "The mined transaction, once there is one") String transactionHash,
        Long blockNumber, int attempts, String lastError, Instant createdAt, Instant sentAt, Instant confirmedAt, Instant nextAttemptAt,
        Instant giveUpAt) {

    public static ChainPublicationView of(ChainPublication p) {
        return new ChainPublicationView(p.id, p.eventId, p.sequence, p.changeType, p.address, p.targetStatus, p.targetExpiresAt, p.status, p.nonce,
                p.hashes(), p.txHash, p.blockNumber, p.retries.attempts, p.retries.lastError, p.createdAt, p.sentAt, p.confirmedAt,
                p.retries.nextAttemptAt, p.retries.giveUpAt);
    }
}
