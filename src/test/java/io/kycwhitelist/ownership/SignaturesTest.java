package io.kycwhitelist.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycwhitelist.support.Applications;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signer recovery of EIP-191 signatures, with throwaway keys made here. */
class SignaturesTest {

    static final String MESSAGE = "kyc-whitelist.local wants you to sign in with your Ethereum account:\n0x...";

    static String signer(String message, String signature) {
        return Signatures.parse(signature).flatMap(s -> Signatures.signer(message, s)).orElse(null);
    }

    @Test
    void theSignerOfAGoodSignatureIsRecovered() {
        String address = Applications.freshAddress();
        assertEquals(address.toLowerCase(), signer(MESSAGE, Applications.sign(MESSAGE, address)));
    }

    @Test
    void bothConventionsOfVAreAccepted() {
        String address = Applications.freshAddress();
        String signature = Applications.sign(MESSAGE, address);
        int v = Integer.parseInt(signature.substring(130), 16);
        String zeroOrOne = signature.substring(0, 130) + String.format("%02x", v - 27);
        assertEquals(address.toLowerCase(), signer(MESSAGE, zeroOrOne));
        assertEquals(address.toLowerCase(), signer(MESSAGE, signature.toUpperCase().replace("0X", "0x")));
    }

    @Test
    void anotherKeyOrAnotherMessageRecoversAnotherAddress() {
        String address = Applications.freshAddress();
        String other = Applications.freshAddress();
        String byOther = Applications.sign(MESSAGE, other);
        assertEquals(other.toLowerCase(), signer(MESSAGE, byOther));
        String overAnotherMessage = Applications.sign(MESSAGE + " ", address);
        String recovered = signer(MESSAGE, overAnotherMessage);
        assertTrue(recovered == null || !recovered.equals(address.toLowerCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0x1234", "not hex at all",
        "0x" + "zz" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        // 65 bytes with v = 29: neither convention
        "0x" + "11111111111111111111111111111111111111111111111111111111111111112222222222222222222222222222222222222222222222222222222222222222" + "1d",
        // 66 bytes
        "0x" + "11111111111111111111111111111111111111111111111111111111111111112222222222222222222222222222222222222222222222222222222222222222" + "1b00"})
    void malformedSignaturesAreRefused(String signature) {
        assertEquals(Optional.empty(), Signatures.parse(signature));
    }

    @Test
    void aSignatureOfZerosRecoversNothing() {
        String zeros = "0x" + "0".repeat(128) + "1b";
        assertEquals(Optional.empty(), Signatures.parse(zeros).flatMap(s -> Signatures.signer(MESSAGE, s)));
    }
}
