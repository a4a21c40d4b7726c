package io.kycwhitelist.audit;

public enum AuditAction {
    SUBMITTED,
    AUTO_REJECTED,
    DOCUMENT_UPLOADED,
    READY_FOR_REVIEW
}
