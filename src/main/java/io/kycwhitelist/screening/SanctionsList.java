package io.kycwhitelist.screening;

/** The lists this service screens against. Stable names: screenings and hits record them. */
public enum SanctionsList {
    /** US Treasury OFAC Specially Designated Nationals list (legacy CSV files). */
    OFAC_SDN,
    /** UN Security Council consolidated sanctions list (XML). */
    UN_CONSOLIDATED,
    /** OFAC's digital currency addresses of SDN entries, one file per asset. */
    OFAC_DIGITAL_CURRENCY_ADDRESSES
}
