package io.kycwhitelist.policy;

public enum DocumentType {
    PASSPORT,
    NATIONAL_ID,
    DRIVING_LICENCE,
    RESIDENCE_PERMIT
}
