package io.kycwhitelist.policy;

/** The facts about an applicant that a restricted jurisdiction can be matched against. */
public enum Attribute {
    CITIZENSHIP,
    RESIDENCE,
    TAX_RESIDENCE,
    /** Holding permanent residence (for the United States: a green card). */
    PERMANENT_RESIDENCE,
    ID_DOCUMENT,
    INCORPORATION,
    PLACE_OF_BUSINESS
}
