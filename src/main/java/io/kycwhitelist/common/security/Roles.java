package io.kycwhitelist.common.security;


/** The roles of the {@code groups} claim of bearer tokens. */
public final class Roles {

    /** Compliance staff working the review queue. */
    public static final String REVIEWER = "reviewer";
    /** Compliance officer: audit trail, revocations; may also call the exchange API. */
    public static final String ADMIN = "admin";
    /** An exchange checking addresses before withdrawals. */
    public static final String EXCHANGE = "exchange";

    private Roles() {}
}
