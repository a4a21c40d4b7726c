package io.kycwhitelist.intake;

import java.util.Arrays;
import java.util.Optional;

/** The documents an applicant uploads, by their path segment in the API. */
public enum DocumentKind {
    IDENTITY("identity"),
    PROFESSIONAL_INVESTOR_EVIDENCE("professional-investor-evidence");

    private final String pathSegment;

    DocumentKind(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    public String pathSegment() {
        return pathSegment;
    }

    public static Optional<DocumentKind> fromPathSegment(String segment) {
        return Arrays.stream(values()).filter(k -> k.pathSegment.equals(segment)).findFirst();
    }
}
