package io.kycwhitelist.intake.service;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import io.kycwhitelist.common.ratelimit.WrongStatusTokens;
import io.kycwhitelist.intake.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** The applicant's access to an application: its status token, and nothing else. */
@ApplicationScoped
public class ApplicationAccess {

    private final WrongStatusTokens wrongTokens;

    ApplicationAccess(WrongStatusTokens wrongTokens) {
        this.wrongTokens = wrongTokens;
    }

    /**
     * The application, for the holder of its status token; {@code lock} takes a row lock for a change.
     * A missing token is a 400, an unknown id or a wrong token the same 404.
     */
    public Application authorized(UUID id, String statusToken, boolean lock) {
        if (statusToken == null || statusToken.isBlank()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The X-Status-Token header is required: it was given with the answer to the submission.");
        }
        Application app = lock ? Application.findById(id, LockModeType.PESSIMISTIC_WRITE) : Application.findById(id);
        if (app == null || !StatusTokens.matches(statusToken, app.statusTokenHash)) {
            wrongTokens.mark();
            throw new ProblemException(ProblemType.NOT_FOUND, "No application with this id and status token.");
        }
        return app;
    }
}
