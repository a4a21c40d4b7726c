package io.kycwhitelist.whitelist.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.intake.Chain;
import io.kycwhitelist.whitelist.WhitelistEntry;
import io.kycwhitelist.whitelist.WhitelistStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WhitelistEntry", description = "An entry of the whitelist, as an admin sees it.")
public record WhitelistEntryView(
        String address, Chain chain, WhitelistStatus status, UUID applicationId, Instant since, Instant expiresAt, String reason) {

    public static WhitelistEntryView of(WhitelistEntry entry, Instant now) {
        return new WhitelistEntryView(entry.address, entry.chain, WhitelistStatus.effective(entry.status, entry.expiresAt, now),
                entry.applicationId, entry.since, entry.expiresAt, entry.reason);
    }
}
