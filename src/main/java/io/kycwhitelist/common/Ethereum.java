package io.kycwhitelist.common;

import io.kycwhitelist.common.problem.Problem.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/** Ethereum account addresses: syntax and EIP-55 mixed-case checksums (Keccak-256 from web3j). */
public final class Ethereum {

    /** What a valid address is, for error messages. */
    public static final String ADDRESS_RULE =
            "must be an Ethereum address: 0x and 40 hex digits; a mixed-case address must match its EIP-55 checksum";

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private Ethereum() {}

    /**
     * True for "0x" and 40 hex digits where an all-lower or all-upper case address is accepted as
     * it is, and a mixed-case one must carry a valid EIP-55 checksum.
     */
    public static boolean isValidAddress(String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            return false;
        }
        String hex = address.substring(2);
        boolean singleCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
        return singleCase || checksummed(address).equals(address);
    }

    /** The address with a lower-case "0x" (some clients upper-case the whole address). */
    public static String normalized(String address) {
        return address.startsWith("0X") ? "0x" + address.substring(2) : address;
    }

    /** What is wrong with an address given as {@code field}, in any case; empty when it is valid. */
    public static List<FieldError> addressErrors(String address, String field) {
        if (address == null) {
            return List.of(new FieldError(field, "is required"));
        }
        return isValidAddress(normalized(address)) ? List.of() : List.of(new FieldError(field, ADDRESS_RULE));
    }

    /** The EIP-55 checksummed form of a valid address, in any case. */
    public static String checksummed(String address) {
        return Keys.toChecksumAddress("0x" + address.substring(2).toLowerCase(Locale.ROOT));
    }
}
