package io.kycwhitelist.common.problem;

/**
 * Every kind of error the API answers with, as RFC 9457 problem types. The {@code type} URIs are
 * stable: clients may branch on them. They are relative references, resolved against the API.
 */
public enum ProblemType {
    VALIDATION_FAILED(400, "The request is not valid"),
    MALFORMED_JSON(400, "The request body is not well-formed JSON"),
    BAD_REQUEST(400, "Bad request"),
    SIGNATURE_MISMATCH(400, "The signature was not made by this wallet over the challenge"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    WALLET_ALREADY_CLAIMED(409, "Another application holds this wallet"),
    WALLET_RELEASED(409, "The wallet was released from this application"),
    WALLET_WHITELISTED(409, "The wallet is whitelisted: revoke it first"),
    APPLICATION_STATE_CONFLICT(409, "The application does not allow this in its current state"),
    CHALLENGE_NOT_ISSUED(409, "No challenge was issued for this wallet"),
    CHALLENGE_EXPIRED(409, "The challenge expired"),
    CHALLENGE_USED(409, "The challenge was used already"),
    SANCTIONS_HITS_OPEN(409, "Possible sanctions matches are not resolved"),
    LENGTH_REQUIRED(411, "Content-Length required"),
    PRECONDITION_FAILED(412, "The resource changed since it was read"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    URI_TOO_LONG(414, "The request line is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was used with another request body"),
    SANCTIONS_LIST_INVALID(422, "A sanctions list file is missing or not in its list's format"),
    POLICY_INVALID(422, "The policy file is missing or not a valid policy"),
    PRECONDITION_REQUIRED(428, "If-Match required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "The request's headers are too large"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "/problems/" + name().toLowerCase().replace('_', '-');
    }
}
