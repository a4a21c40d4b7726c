package io.kycwhitelist.audit;

/** What an audit record records; stable names, the trail is kept for years. */
public enum AuditAction {
    SUBMITTED,
    AUTO_REJECTED,
    DOCUMENT_UPLOADED,
    READY_FOR_REVIEW,
    /** The applicant proved control of a wallet by a signed challenge. */
    WALLET_PROVEN,
    /** An administrator released an application's claim on a wallet, with a reason. */
    WALLET_CLAIM_RELEASED,
    /** An application waiting for its applicant was not completed in time; its wallets were released. */
    APPLICATION_EXPIRED,
    /** The first of two approvals a flagged application needs. */
    FIRST_APPROVAL,
    APPROVED,
    REJECTED,
    /** A whitelist change reached the whitelist store. */
    PUBLISHED,
    /** A whitelist change is on the token contract: confirmed in a transaction, or found there already. */
    PUBLISHED_ON_CHAIN,
    /** A whitelist change could not be written to the token contract within the retry period (DEAD until replayed). */
    CHAIN_PUBLICATION_FAILED,
    /** An admin had a failed (DEAD) token contract publication sent again. */
    CHAIN_PUBLICATION_REPLAYED,
    REVOKED,
    /** An entry passed its identity document's expiry. */
    EXPIRED,
    /** The application's names and wallets were screened against the sanctions lists (which, and how many hits). */
    SANCTIONS_SCREENED,
    /** A reviewer set a sanctions hit aside as a false positive, with a reason. */
    SANCTIONS_HIT_DISMISSED,
    /** An admin put new sanctions lists in force. */
    SANCTIONS_LISTS_LOADED,
    /** An admin had the stored personal data sealed again under the active key (key rotation). */
    PERSONAL_DATA_RESEALED,
    /** An application's personal data was erased (documents, identity fields; the name kept as a keyed hash). */
    PERSONAL_DATA_ERASED,
    /** An admin put a new policy version in force (the re-screening follows). */
    POLICY_LOADED,
    /** A re-screening (new policy or sanctions lists) finished: what it checked and changed. */
    RESCREENED,
    /** An entry's applicant became restricted (policy or sanctions lists): the entry is SUSPENDED. */
    SUSPENDED,
    /** An admin asked to reinstate a suspended entry, with a reason; another admin must confirm. */
    REINSTATEMENT_REQUESTED,
    /** A second admin confirmed a reinstatement: the entry is ACTIVE again. */
    REINSTATED,
    /** The holder sent a new identity document to renew an expiring or expired whitelisting. */
    RENEWAL_REQUESTED,
    /** A reviewer approved a renewal: the entries are ACTIVE until the new document's expiry. */
    RENEWAL_APPROVED,
    /** A reviewer rejected a renewal, with a reason. */
    RENEWAL_REJECTED,
    /** The first of two approvals a flagged renewal needs. */
    RENEWAL_FIRST_APPROVAL,
    /** A renewal waiting for its holder's documents was not completed in time. */
    RENEWAL_EXPIRED,
    /** An open renewal was closed because the application's personal data was erased. */
    RENEWAL_CANCELLED
}
