package io.kycwhitelist.policy;

/** An exception that a restricted jurisdiction grants to a class of applicants. */
public enum Exemption {
    /** Hong Kong: Professional Investors as defined by the Securities and Futures Ordinance. */
    PROFESSIONAL_INVESTOR
}
