package io.kycwhitelist.intake.api;

/** Shared patterns of the intake API (the limits themselves stand on the fields). */
final class ApiLimits {

    /** No C0 control characters or DEL: names and numbers are single-line text. */
    static final String NO_CONTROL_CHARACTERS = "^[^\\x00-\\x1F\\x7F]*$";

    private ApiLimits() {}
}
