package io.kycwhitelist.ownership;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * EIP-191 {@code personal_sign} signatures (secp256k1, 65 bytes r ‖ s ‖ v, v 27/28 or 0/1) and
 * the address that made them, recovered with web3j.
 */
public final class Signatures {

    private static final Pattern HEX_65_BYTES = Pattern.compile("0x[0-9a-fA-F]{130}");

    private Signatures() {}

    /** A signature in the form wallets give it; {@link #parse} refuses any other. */
    public record Signature(byte[] r, byte[] s, byte v) {}

    /** The parsed signature, or empty when it is not 0x and 130 hex digits with v 27, 28, 0 or 1. */
    public static Optional<Signature> parse(String hex) {
        if (hex == null || !HEX_65_BYTES.matcher(hex).matches()) {
            return Optional.empty();
        }
        byte[] bytes = HexFormat.of().parseHex(hex.substring(2));
        int v = bytes[64] & 0xFF;
        if (v == 0 || v == 1) {
            v += 27;
        }
        if (v != 27 && v != 28) {
            return Optional.empty();
        }
        byte[] r = Arrays.copyOfRange(bytes, 0, 32);
        byte[] s = Arrays.copyOfRange(bytes, 32, 64);
        return Optional.of(new Signature(r, s, (byte) v));
    }

    /** A web3j signature in the form wallets give it: 0x and r ‖ s ‖ v in hex. */
    public static String hex(Sign.SignatureData signature) {
        HexFormat hex = HexFormat.of();
        return "0x" + hex.formatHex(signature.getR()) + hex.formatHex(signature.getS()) + hex.formatHex(signature.getV());
    }

    /** The lower-case address whose key signed {@code message} with EIP-191, or empty when none can be recovered. */
    public static Optional<String> signer(String message, Signature signature) {
        try {
            BigInteger publicKey = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8),
                    new Sign.SignatureData(signature.v(), signature.r(), signature.s()));
            return Optional.of("0x" + Keys.getAddress(publicKey).toLowerCase(Locale.ROOT));
        } catch (SignatureException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
