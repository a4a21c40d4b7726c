package io.kycwhitelist.audit;

/** What an audit record records; stable names, the trail is kept for years. */
public enum AuditAction {
    SUBMITTED,
    AUTO_REJECTED,
    DOCUMENT_UPLOADED,
    READY_FOR_REVIEW,
    /** The applicant proved control of a wallet by a signed challenge. */
    WALLET_PROVEN,
    /** The first of two approvals a flagged application needs. */
    FIRST_APPROVAL,
    APPROVED,
    REJECTED,
    /** A whitelist change reached the whitelist store. */
    PUBLISHED,
    REVOKED,
    /** An entry passed its identity document's expiry. */
    EXPIRED
}
