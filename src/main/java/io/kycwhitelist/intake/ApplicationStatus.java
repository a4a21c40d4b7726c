package io.kycwhitelist.intake;

public enum ApplicationStatus {
    /** Rejected by the policy or a reviewer; final. */
    REJECTED,
    /** Accepted by the policy; waiting for the applicant's documents. */
    PENDING_DOCUMENT,
    /** Every required document is in; waiting for a reviewer. */
    PENDING_REVIEW,
    /** Flagged, approved by one reviewer; waiting for a second, different one (four eyes). */
    PENDING_SECOND_APPROVAL,
    /** Approved; its wallets are published to the whitelist. */
    APPROVED,
    /** Never completed by its applicant within the period open applications are kept (kyc.applications.open-for); final. */
    EXPIRED,
    /** Closed before a decision because its personal data was erased on the applicant's request; final. */
    WITHDRAWN;

    /** Nothing more happens to it: rejected, approved, expired or withdrawn. */
    public boolean closed() {
        return this == REJECTED || this == APPROVED || this == EXPIRED || this == WITHDRAWN;
    }

    /** A reviewer may decide it. */
    public boolean awaitsDecision() {
        return this == PENDING_REVIEW || this == PENDING_SECOND_APPROVAL;
    }
}
