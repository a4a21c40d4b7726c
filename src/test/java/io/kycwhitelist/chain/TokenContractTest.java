package io.kycwhitelist.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kycwhitelist.whitelist.WhitelistStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class TokenContractTest {

    static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    @Test
    void theCallsCarryTheContractsFunctionSelectorsAndArguments() {
        String call = TokenContract.setWhitelistStatus("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", new TokenContract.Entry(1, 1_956_528_000L));
        assertEquals(selector("setWhitelistStatus(address,uint8,uint64)"), call.substring(0, 10));
        assertEquals(10 + 3 * 64, call.length());
        assertEquals("0".repeat(24) + "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", call.substring(10, 74));
        assertEquals(1, Integer.parseInt(call.substring(74, 138), 16));
        assertEquals(1_956_528_000L, Long.parseLong(call.substring(138), 16));
        assertEquals(selector("whitelistEntry(address)"), TokenContract.whitelistEntry("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").substring(0, 10));
        assertEquals(selector("whitelistOperator()"), TokenContract.whitelistOperator());
    }

    @Test
    void theContractsAnswersAreRead() {
        assertEquals(new TokenContract.Entry(5, 42), TokenContract.decodeEntry("0x" + "%064x".formatted(5) + "%064x".formatted(42)));
        assertEquals(new TokenContract.Entry(0, 0), TokenContract.decodeEntry("0x" + "0".repeat(128)));
        assertThrows(IllegalArgumentException.class, () -> TokenContract.decodeEntry("0x"));
        assertEquals("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
                TokenContract.decodeAddress("0x" + "0".repeat(24) + "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }

    @Test
    void everyWhitelistStatusHasItsOwnNumberAndAnUnlistedAddressIsZero() {
        assertEquals(0, TokenContract.statusNumber(WhitelistStatus.NOT_LISTED));
        assertEquals(WhitelistStatus.values().length,
                Arrays.stream(WhitelistStatus.values()).mapToInt(TokenContract::statusNumber).distinct().count());
        assertEquals(1, TokenContract.statusNumber(WhitelistStatus.ACTIVE));
        assertEquals(5, TokenContract.statusNumber(WhitelistStatus.SUSPENDED));
    }
}
