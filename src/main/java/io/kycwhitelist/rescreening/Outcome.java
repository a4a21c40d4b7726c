package io.kycwhitelist.rescreening;

import io.kycwhitelist.policy.Reason;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a re-screening does to one applicant. An applicant who is now restricted (the policy, or a
 * wallet on a sanctions list) loses what they hold: their ACTIVE entries are suspended, an open
 * application is rejected. A possible sanctions match not seen before suspends the entries pending
 * review, and flags an open application for (four-eyes) review.
 */
public enum Outcome {
    NONE,
    SUSPEND,
    REJECT,
    FLAG;

    /**
     * @param approved the applicant holds approved entries (else the application is open)
     * @param restricted the applicant is restricted now
     * @param newPossibleMatch a possible sanctions match on a list entry not recorded for the applicant before
     */
    public static Outcome of(boolean approved, boolean restricted, boolean newPossibleMatch) {
        if (approved) {
            return restricted || newPossibleMatch ? SUSPEND : NONE;
        }
        return restricted ? REJECT : newPossibleMatch ? FLAG : NONE;
    }

    /**
     * Why an entry is suspended, as published: reason codes and countries only, never a name.
     * For example {@code "policy 2026-12-01.1: RESTRICTED_RESIDENCE:SG"}.
     */
    public static String suspensionReason(String policyVersion, List<Reason> reasons, boolean newPossibleMatch) {
        String codes = reasons.stream()
                .map(Reason::label)
                .distinct()
                .collect(Collectors.joining(", "));
        String match = newPossibleMatch ? "possible sanctions match, pending review" : "";
        return "policy " + policyVersion + ": " + (codes.isEmpty() ? match : match.isEmpty() ? codes : codes + ", " + match);
    }
}
