package io.kycwhitelist.intake.api;

import io.kycwhitelist.intake.ApplicationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an application stands, as its applicant sees it: one state for the whole review, whatever
 * its stages (a second approval means a flag, and flags are for reviewers: no tipping off).
 */
@Schema(name = "ApplicantStatus", description = "PENDING_DOCUMENT while documents or wallet proofs are missing; IN_REVIEW with the "
        + "reviewers; APPROVED (the wallets are whitelisted), REJECTED, EXPIRED (not completed in time) or WITHDRAWN (closed on the "
        + "applicant's request, their personal data erased).")
public enum ApplicantStatus {
    PENDING_DOCUMENT,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    EXPIRED,
    WITHDRAWN;

    public static ApplicantStatus of(ApplicationStatus status) {
        return switch (status) {
            case PENDING_DOCUMENT -> PENDING_DOCUMENT;
            case PENDING_REVIEW, PENDING_SECOND_APPROVAL -> IN_REVIEW;
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
            case EXPIRED -> EXPIRED;
            case WITHDRAWN -> WITHDRAWN;
        };
    }
}
