package io.kycwhitelist.screening;

/**
 * Where a loaded list came from: screenings record it beside their result.
 *
 * @param asOf the list's own date where its format carries one, else the files' date
 * @param sha256 hash over the list's files, in a fixed order
 */
public record ListSource(SanctionsList list, String asOf, String sha256, int entries, int addresses) {

    /** How audit records name the list: {@code OFAC_SDN@2021#0d7d502f65d2}. */
    public String label() {
        return list + "@" + asOf + "#" + sha256.substring(0, 12);
    }
}
