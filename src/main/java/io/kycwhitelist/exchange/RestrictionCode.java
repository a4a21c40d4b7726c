package io.kycwhitelist.exchange;

import io.kycwhitelist.whitelist.WhitelistStatus;

/**
 * Transfer restriction codes in the manner of ERC-1404 {@code detectTransferRestriction} and
 * {@code messageForTransferRestriction}. The numbers are part of the contract (the token
 * contract uses the same table): new codes are appended, never renumbered.
 */
public enum RestrictionCode {
    SUCCESS(0, "SUCCESS"),
    SENDER_NOT_WHITELISTED(1, "The sender's address is not on the whitelist"),
    RECIPIENT_NOT_WHITELISTED(2, "The recipient's address is not on the whitelist"),
    SENDER_REVOKED(3, "The sender's address was removed from the whitelist"),
    RECIPIENT_REVOKED(4, "The recipient's address was removed from the whitelist"),
    SENDER_EXPIRED(5, "The sender's whitelisting has expired"),
    RECIPIENT_EXPIRED(6, "The recipient's whitelisting has expired"),
    SENDER_SANCTIONED(7, "The sender's address is on a sanctions list"),
    RECIPIENT_SANCTIONED(8, "The recipient's address is on a sanctions list"),
    SENDER_SUSPENDED(9, "The sender's whitelisting is suspended pending review"),
    RECIPIENT_SUSPENDED(10, "The recipient's whitelisting is suspended pending review");

    private final int code;
    private final String message;

    RestrictionCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The restriction on a transfer between two addresses; the sender is checked first. */
    public static RestrictionCode detect(WhitelistStatus sender, WhitelistStatus recipient) {
        return switch (sender) {
            case SANCTIONED -> SENDER_SANCTIONED;
            case NOT_LISTED -> SENDER_NOT_WHITELISTED;
            case REVOKED -> SENDER_REVOKED;
            case EXPIRED -> SENDER_EXPIRED;
            case SUSPENDED -> SENDER_SUSPENDED;
            case ACTIVE -> switch (recipient) {
                case SANCTIONED -> RECIPIENT_SANCTIONED;
                case NOT_LISTED -> RECIPIENT_NOT_WHITELISTED;
                case REVOKED -> RECIPIENT_REVOKED;
                case EXPIRED -> RECIPIENT_EXPIRED;
                case SUSPENDED -> RECIPIENT_SUSPENDED;
                case ACTIVE -> SUCCESS;
            };
        };
    }
}
