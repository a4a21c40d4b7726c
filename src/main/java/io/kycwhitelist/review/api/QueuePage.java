package io.kycwhitelist.review.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.intake.ApplicantType;
import io.kycwhitelist.intake.ApplicationStatus;
import io.kycwhitelist.policy.Flag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewQueuePage", description = "Applications oldest first.")
public record QueuePage(
        List<Item> items,
        @Schema(description = "Pass as `cursor` for the next page; absent on the last page.") @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReviewQueueItem")
    public record Item(
            UUID id,
            ApplicationStatus status,
            ApplicantType applicantType,
            @Schema(description = "The individual's, or the organisation's, legal name.") String name,
            @Schema(description = "For an organisation: its representative.") String representativeName,
            @Schema(description = "The (representative's) country of residence.") String countryOfResidence,
            List<Flag> flags,
            Instant submittedAt) {}
}
