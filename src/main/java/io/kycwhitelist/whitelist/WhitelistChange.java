package io.kycwhitelist.whitelist;

import io.kycwhitelist.intake.Chain;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of the whitelist as sinks receive it.
 *
 * @param sequence the outbox position: later changes of an address have higher sequences
 * @param eventId unique per change, for receivers to drop duplicates
 */
public record WhitelistChange(
        long sequence, UUID eventId, ChangeType type, Chain chain, String address, UUID applicationId,
        Instant expiresAt, String reason, boolean ownershipProven, Instant at) {

    static WhitelistChange of(OutboxEvent event) {
        return new WhitelistChange(event.id, event.eventId, event.type, event.chain, event.address, event.applicationId,
                event.expiresAt, event.reason, event.ownershipProven, event.createdAt);
    }
}
