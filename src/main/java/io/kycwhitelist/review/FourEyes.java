package io.kycwhitelist.review;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.security.Actor;
import io.kycwhitelist.policy.Flag;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The decision rules shared by applications and renewals: a flagged case needs two approvals by
 * different people (told apart by their stable identity, not their display name), and a decision
 * applies only to the state the reviewer saw (If-Match, the case's version as ETag).
 */
public final class FourEyes {

    private FourEyes() {}

    /** Approvals a final approval needs: 2 for a flagged case, otherwise 1. */
    public static int approvalsRequired(Collection<Flag> flags) {
        return flags.isEmpty() ? 1 : 2;
    }

    /** Refuses a second approval by the person who gave the first. */
    public static void refuseRepeatedApproval(List<ReviewDecision> earlier, Actor reviewer, String what) {
        if (earlier.stream().anyMatch(d -> d.decision == Decision.APPROVE && reviewer.is(d.reviewerSubject, d.reviewer))) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "You approved this " + what + " already; four eyes: the second approval must come from another reviewer.");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Refuses a change without If-Match (428) or on a version the caller did not see (412). */
    public static void requireSeen(String ifMatch, long version, String what, String action) {
        if (ifMatch == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send the " + what + "'s ETag in If-Match, so that you never " + action + " on a state you did not see.");
        }
        String etag = etag(version);
        if (!ifMatch.trim().equals(etag) && !ifMatch.trim().equals("W/" + etag)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "Someone else changed this " + what + " since it was loaded. Reload it and " + action + " again.");
        }
    }

    /** A decision to record, with who took it (name and identity) and under which policy. */
    public static ReviewDecision decision(UUID applicationId, UUID renewalId, Actor reviewer, Decision decision,
                                          String reason, String policyVersion, Instant at) {
        ReviewDecision d = new ReviewDecision();
        d.applicationId = applicationId;
        d.renewalId = renewalId;
        d.reviewer = reviewer.name();
        d.reviewerSubject = reviewer.id();
        d.decision = decision;
        d.reason = reason;
        d.policyVersion = policyVersion;
        d.decidedAt = at;
        return d;
    }
}
