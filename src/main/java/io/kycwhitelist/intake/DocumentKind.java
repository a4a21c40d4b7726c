package io.kycwhitelist.intake;

import io.kycwhitelist.policy.Flag;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    /** The documents a case (an application or a renewal) needs, given its flags: the Hong Kong exception needs its evidence. */
    public static List<DocumentKind> requiredFor(Collection<Flag> flags) {
        return flags.contains(Flag.PROFESSIONAL_INVESTOR_EXCEPTION) ? List.of(IDENTITY, PROFESSIONAL_INVESTOR_EVIDENCE) : List.of(IDENTITY);
    }

    public static Optional<DocumentKind> fromPathSegment(String segment) {
        return Arrays.stream(values()).filter(k -> k.pathSegment.equals(segment)).findFirst();
    }
}
