package io.kycwhitelist.screening;

/** What a list entry is: people are screened against individuals, organisations against the rest. */
public enum PartyType {
    INDIVIDUAL,
    ENTITY,
    VESSEL,
    AIRCRAFT
}
