package io.kycwhitelist.whitelist;

import java.time.Instant;

/** Where an address stands on the whitelist. The store holds ACTIVE, REVOKED and EXPIRED; NOT_LISTED is its absence. */
public enum WhitelistStatus {
    ACTIVE,
    REVOKED,
    EXPIRED,
    NOT_LISTED;

    /** The status an exchange sees: an ACTIVE entry past its expiry is EXPIRED. */
    public static WhitelistStatus effective(WhitelistStatus stored, Instant expiresAt, Instant now) {
        if (stored == null) {
            return NOT_LISTED;
        }
        return stored == ACTIVE && expiresAt != null && !now.isBefore(expiresAt) ? EXPIRED : stored;
    }
}
