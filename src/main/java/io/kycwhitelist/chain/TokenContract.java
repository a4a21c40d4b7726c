package io.kycwhitelist.chain;

import io.kycwhitelist.whitelist.WhitelistStatus;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The calls kyc-whitelist makes of the token contract ({@code src/main/solidity/KycWhitelistToken.sol}),
 * ABI-encoded with web3j's {@code abi} module, and the status numbers the contract stores. The
 * numbers are part of the contract's storage: appended, never renumbered.
 */
public final class TokenContract {

    private TokenContract() {}

    /** What the contract holds for an address: a status number and the end of an ACTIVE whitelisting (0: none). */
    public record Entry(int status, long expiresAt) {}

    /** The number the contract stores for a whitelist status ({@code NOT_LISTED = 0} is an address never set). */
    public static int statusNumber(WhitelistStatus status) {
        return switch (status) {
            case NOT_LISTED -> 0;
            case ACTIVE -> 1;
            case REVOKED -> 2;
            case EXPIRED -> 3;
            case SANCTIONED -> 4;
            case SUSPENDED -> 5;
        };
    }

    /** {@code setWhitelistStatus(address,uint8,uint64)}: only the contract's whitelist operator may call it. */
    public static String setWhitelistStatus(String address, Entry entry) {
        return FunctionEncoder.encode(new Function("setWhitelistStatus",
                List.of(new Address(address), new Uint8(entry.status()), new Uint64(entry.expiresAt())), List.of()));
    }

    /** {@code whitelistEntry(address) returns (uint8 status, uint64 expiresAt)}. */
    public static String whitelistEntry(String address) {
        return FunctionEncoder.encode(new Function("whitelistEntry", List.of(new Address(address)), List.of()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Entry decodeEntry(String result) {
        List<Type> values = FunctionReturnDecoder.decode(result, List.of(
                (TypeReference) new TypeReference<Uint8>() {}, (TypeReference) new TypeReference<Uint64>() {}));
        if (values.size() != 2) {
            throw new IllegalArgumentException("not an answer of whitelistEntry: " + result);
        }
        return new Entry(((BigInteger) values.get(0).getValue()).intValueExact(), ((BigInteger) values.get(1).getValue()).longValueExact());
    }

    /** {@code whitelistOperator() returns (address)}. */
    public static String whitelistOperator() {
        return FunctionEncoder.encode(new Function("whitelistOperator", List.of(), List.of()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String decodeAddress(String result) {
        List<Type> values = FunctionReturnDecoder.decode(result, List.of((TypeReference) new TypeReference<Address>() {}));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("not an address: " + result);
        }
        return values.get(0).getValue().toString();
    }
}
