package io.kycwhitelist.policy;

import java.util.List;
import java.util.Set;

/**
 * The outcome of evaluating an applicant against one version of the policy.
 *
 * @param reasons why the applicant is rejected; empty when not rejected
 * @param flags what a reviewer must look at
 */
public record PolicyDecision(String policyVersion, List<Reason> reasons, Set<Flag> flags) {

    public PolicyDecision {
        reasons = List.copyOf(reasons);
        flags = Set.copyOf(flags);
    }

    public boolean rejected() {
        return !reasons.isEmpty();
    }
}
