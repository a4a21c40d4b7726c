package io.kycwhitelist.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EthereumTest {

    /** The test vectors of EIP-55 itself. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
    })
    void eip55VectorsAreValidAndReproduced(String address) {
        assertTrue(Ethereum.isValidAddress(address));
        assertEquals(address, Ethereum.checksummed(address.toLowerCase()));
        assertEquals(address, Ethereum.checksummed(address.toUpperCase().replace("0X", "0x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"})
    void singleCaseAddressesCarryNoChecksumAndAreAccepted(String address) {
        assertTrue(Ethereum.isValidAddress(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", // one letter's case flipped
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",  // 39 digits
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",   // no 0x
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", // not hex
        ""
    })
    void malformedOrMischecksummedAddressesAreRefused(String address) {
        assertFalse(Ethereum.isValidAddress(address));
    }
}
