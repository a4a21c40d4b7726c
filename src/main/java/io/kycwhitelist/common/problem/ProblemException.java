package io.kycwhitelist.common.problem;

import java.util.List;
import java.util.Map;

/** Thrown anywhere to answer with a problem document; the one way our code reports errors. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail), Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message() + "."
                : errors.size() + " fields are not valid; see errors.";
        return withErrors(ProblemType.VALIDATION_FAILED, detail, errors);
    }

    public static ProblemException withErrors(ProblemType type, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(type.uri(), type.title(), type.status(), detail, List.copyOf(errors)), Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
