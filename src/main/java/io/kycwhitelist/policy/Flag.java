package io.kycwhitelist.policy;

/** Something a reviewer must look at; a flag never rejects an application by itself. */
public enum Flag {
    /** Restricted only through Hong Kong, claiming Professional Investor status: needs evidence. */
    PROFESSIONAL_INVESTOR_EXCEPTION,
    /** A passport issued by a country that is not among the stated citizenships. */
    DOCUMENT_NATIONALITY_MISMATCH,
    /** A wallet reached review without proof of control (only where the policy makes proofs optional). */
    WALLET_NOT_PROVEN,
    /**
     * A name of the application scored above the threshold against a sanctions list. Like every
     * flag, for reviewers only: applicants never see flags (no tipping off).
     */
    SANCTIONS_POTENTIAL_MATCH
}
