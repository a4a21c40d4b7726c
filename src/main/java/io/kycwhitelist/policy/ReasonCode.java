package io.kycwhitelist.policy;

/** Why an application is rejected. Stable codes: clients and the audit trail depend on them. */
public enum ReasonCode {
    RESTRICTED_CITIZENSHIP,
    RESTRICTED_RESIDENCE,
    RESTRICTED_TAX_RESIDENCE,
    US_PERMANENT_RESIDENT,
    RESTRICTED_DOCUMENT_COUNTRY,
    RESTRICTED_INCORPORATION,
    RESTRICTED_PLACE_OF_BUSINESS,
    UNDERAGE,
    /** A wallet of the application is among OFAC's sanctioned digital currency addresses. */
    SANCTIONED_WALLET
}
