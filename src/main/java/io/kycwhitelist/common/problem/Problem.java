package io.kycwhitelist.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details document. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details; every 4xx and 5xx answer has this form.")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem.", example = "/problems/validation-failed") String type,
        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are not valid.") String detail,
        @Schema(description = "Per-field errors of a request that failed validation.") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, List.of());
    }

    /**
     * @param field the JSON path of the field, such as {@code wallets[0].address}
     */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "wallets[0].address") String field,
            @Schema(example = "must be an Ethereum address") String message) {}
}
