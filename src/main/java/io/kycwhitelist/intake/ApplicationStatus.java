package io.kycwhitelist.intake;

public enum ApplicationStatus {
    /** Rejected by the policy or a reviewer; final. */
    REJECTED,
    /** Accepted by the policy; waiting for the applicant's documents. */
    PENDING_DOCUMENT,
    /** Every required document is in; waiting for a reviewer. */
    PENDING_REVIEW
}
