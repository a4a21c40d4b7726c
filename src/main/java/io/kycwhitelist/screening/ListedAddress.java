package io.kycwhitelist.screening;

import java.util.Locale;

/**
 * A sanctioned digital currency address.
 *
 * @param asset OFAC's asset code: ETH, XBT (Bitcoin), USDT, ...
 * @param entryId the SDN entry it belongs to, where the source says so
 */
public record ListedAddress(String asset, String address, String entryId) {

    /**
     * The lookup key of an address: hexadecimal (EVM) addresses compare in any case, every other
     * format (Base58, Bech32, ...) as written.
     */
    public static String key(String address) {
        String a = address.trim();
        return a.matches("0[xX][0-9a-fA-F]{40}") ? a.toLowerCase(Locale.ROOT) : a;
    }
}
