package io.kycwhitelist.common.security;

import io.kycwhitelist.common.problem.ProblemException;
import io.kycwhitelist.common.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who acts, from the bearer token: {@code name} for the records people read (the token's
 * {@code upn}, {@code preferred_username} or {@code sub}), {@code id} for telling people apart
 * (its issuer and {@code sub}, which the identity provider never reuses). Four eyes compares ids:
 * one person with two tokens whose display names differ is still one person.
 */
public record Actor(String name, String id) {

    /** The actor of a verified token; a token without a subject cannot stand for a person. */
    public static Actor of(JsonWebToken token) {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "The bearer token carries no subject (sub): decisions need the stable identity of the person who takes them.");
        }
        return new Actor(token.getName(), token.getIssuer() + "#" + subject);
    }

    /**
     * Whether this is the person recorded with {@code recordedId}; records written before ids were
     * kept have none and are compared by the name they recorded.
     */
    public boolean is(String recordedId, String recordedName) {
        return recordedId != null ? recordedId.equals(id) : recordedName.equals(name);
    }
}
