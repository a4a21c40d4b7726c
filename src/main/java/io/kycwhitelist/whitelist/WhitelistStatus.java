package io.kycwhitelist.whitelist;

import java.time.Instant;

/**
 * Where an address stands on the whitelist. The store holds ACTIVE, REVOKED, EXPIRED and SUSPENDED
 * (its applicant became restricted under a later policy or sanctions list; an admin may reinstate
 * it); NOT_LISTED is its absence; SANCTIONED is an address on OFAC's sanctioned digital currency
 * addresses, whatever the store holds (answered, never stored).
 */
public enum WhitelistStatus {
    ACTIVE,
    REVOKED,
    EXPIRED,
    NOT_LISTED,
    SANCTIONED,
    SUSPENDED;

    /** The status an exchange sees: an ACTIVE entry past its expiry is EXPIRED. */
    public static WhitelistStatus effective(WhitelistStatus stored, Instant expiresAt, Instant now) {
        if (stored == null) {
            return NOT_LISTED;
        }
        return stored == ACTIVE && expiresAt != null && !now.isBefore(expiresAt) ? EXPIRED : stored;
    }
}
