package io.kycwhitelist.whitelist;

/** A change of the whitelist, and the status it gives the address. */
public enum ChangeType {
    WHITELIST_ACTIVATED(WhitelistStatus.ACTIVE),
    WHITELIST_REVOKED(WhitelistStatus.REVOKED),
    WHITELIST_EXPIRED(WhitelistStatus.EXPIRED),
    WHITELIST_SUSPENDED(WhitelistStatus.SUSPENDED);

    private final WhitelistStatus status;

    ChangeType(WhitelistStatus status) {
        this.status = status;
    }

    public WhitelistStatus status() {
        return status;
    }
}
