package io.kycwhitelist.rescreening.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One re-screening of the whitelist and the open applications. */
@Schema(name = "Rescreening")
public record RescreeningView(
        UUID id,
        String policyVersion,
        @Schema(description = "SHA-256 over the sanctions lists' hashes it screened against.") String listsSha256,
        @Schema(description = "Names were screened again (the sanctions lists had changed); otherwise the policy and the wallets only.") boolean namesScreened,
        Instant startedAt,
        @Schema(description = "Null while it runs, or when it failed (it is then tried again).") Instant finishedAt,
        @Schema(description = "ACTIVE entries whose applicant was checked.") int entriesChecked,
        @Schema(description = "Wallets of open applications whose applicant was checked.") int openApplicationWalletsChecked,
        int entriesSuspended,
        int applicationsRejected,
        int applicationsFlagged,
        @Schema(description = "Why the last attempt failed, if it did.") String failure) {}
