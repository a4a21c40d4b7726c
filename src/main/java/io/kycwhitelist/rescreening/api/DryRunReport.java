package io.kycwhitelist.rescreening.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a candidate policy would change if it were put in force now. Nothing was changed. */
@Schema(name = "PolicyDryRun")
public record DryRunReport(
        String candidateVersion,
        @Schema(description = "SHA-256 of the candidate file, as it will show once in force.") String candidateSha256,
        String inForceVersion,
        @Schema(description = "ACTIVE entries whose applicant was checked.") int entriesChecked,
        @Schema(description = "Wallets of open applications whose applicant was checked.") int openApplicationWalletsChecked,
        @Schema(description = "ACTIVE entries that would be SUSPENDED.") int entriesToSuspend,
        @Schema(description = "Open applications that would be REJECTED.") int applicationsToReject,
        @Schema(description = "Affected applicants by reason (code, and country or region).") Map<String, Integer> byReason,
        @Schema(description = "The affected applicants, at most 1,000.") List<Change> changes,
        @Schema(description = "True when there are more affected applicants than listed.") boolean truncated,
        long tookMillis) {

    /** One applicant the candidate would affect. */
    @Schema(name = "PolicyDryRunChange")
    public record Change(
            UUID applicationId,
            @Schema(enumeration = {"SUSPEND", "REJECT"}) String change,
            @Schema(description = "The entries that would be suspended, or the application's wallets.") List<String> addresses,
            @Schema(description = "Reason codes with their country or region, e.g. RESTRICTED_RESIDENCE:SG.") List<String> reasons) {}
}
