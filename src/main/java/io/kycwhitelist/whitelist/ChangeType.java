package io.kycwhitelist.whitelist;

public enum ChangeType {
    WHITELIST_ACTIVATED,
    WHITELIST_REVOKED
}
