package io.kycwhitelist.intake.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.policy.ReasonCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Reason", description = "One reason for a rejection.")
public record ReasonView(
        ReasonCode code,
        @Schema(description = "The restricted country, ISO 3166-1 alpha-2, where one applies.", example = "US") String country,
        @Schema(description = "The restricted ISO 3166-2 region, where one applies.", example = "UA-43") String subdivision,
        @Schema(example = "The applicant's country of residence is United States (US), a restricted jurisdiction: the United States (Regulation S).") String message) {

    public static ReasonView of(Reason reason) {
        return new ReasonView(reason.code(), reason.country(), reason.subdivision(), reason.message());
    }
}
