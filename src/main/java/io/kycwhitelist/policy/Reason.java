package io.kycwhitelist.policy;

/**
 * One reason for a rejection.
 *
 * @param country the restricted country (ISO 3166-1 alpha-2), null for reasons without one
 * @param subdivision the restricted ISO 3166-2 subdivision, null unless one applies
 * @param message a plain-language explanation for the applicant
 */
public record Reason(ReasonCode code, String country, String subdivision, String message) {

    /** The code with its country and region, for audit records: {@code RESTRICTED_RESIDENCE:SG}. */
    public String label() {
        return code + (country != null ? ":" + country : "") + (subdivision != null ? ":" + subdivision : "");
    }
}
