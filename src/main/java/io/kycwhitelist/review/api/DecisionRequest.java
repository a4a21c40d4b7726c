package io.kycwhitelist.review.api;

import io.kycwhitelist.common.problem.Problem;
import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.validation.RequestValidator;
import io.kycwhitelist.review.Decision;
import java.util.ArrayList;
import java.util.List;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotNull Decision decision,
        @Size(max = 2000)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Schema(description = "Why; required to reject, recorded in the audit trail.", example = "Passport photo does not match the applicant.")
        String reason) {

    /** Refuses a missing or invalid decision, and a rejection without a reason. */
    public static void validate(DecisionRequest request, RequestValidator validator) {
        if (request == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "A JSON body with the decision is required.");
        }
        List<Problem.FieldError> errors = new ArrayList<>(validator.violations(request));
        if (request.decision() == Decision.REJECT && request.reason() == null) {
            errors.add(new Problem.FieldError("reason", "is required to reject"));
        }
        RequestValidator.failIfAny(errors);
    }
}
