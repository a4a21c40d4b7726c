package io.kycwhitelist.exchange;

import static io.kycwhitelist.whitelist.WhitelistStatus.ACTIVE;
import static io.kycwhitelist.whitelist.WhitelistStatus.EXPIRED;
import static io.kycwhitelist.whitelist.WhitelistStatus.NOT_LISTED;
import static io.kycwhitelist.whitelist.WhitelistStatus.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kycwhitelist.whitelist.WhitelistStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestrictionCodeTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "ACTIVE, ACTIVE, 0", "ACTIVE, NOT_LISTED, 2", "ACTIVE, REVOKED, 4", "ACTIVE, EXPIRED, 6",
        "NOT_LISTED, ACTIVE, 1", "NOT_LISTED, NOT_LISTED, 1", "NOT_LISTED, REVOKED, 1", "NOT_LISTED, EXPIRED, 1",
        "REVOKED, ACTIVE, 3", "REVOKED, NOT_LISTED, 3", "REVOKED, REVOKED, 3", "REVOKED, EXPIRED, 3",
        "EXPIRED, ACTIVE, 5", "EXPIRED, NOT_LISTED, 5", "EXPIRED, REVOKED, 5", "EXPIRED, EXPIRED, 5",
        "SANCTIONED, ACTIVE, 7", "SANCTIONED, SANCTIONED, 7", "SANCTIONED, NOT_LISTED, 7", "ACTIVE, SANCTIONED, 8",
        "NOT_LISTED, SANCTIONED, 1", "REVOKED, SANCTIONED, 3", "EXPIRED, SANCTIONED, 5",
        "SUSPENDED, ACTIVE, 9", "SUSPENDED, SANCTIONED, 9", "ACTIVE, SUSPENDED, 10", "SANCTIONED, SUSPENDED, 7",
        "NOT_LISTED, SUSPENDED, 1", "REVOKED, SUSPENDED, 3", "EXPIRED, SUSPENDED, 5", "SUSPENDED, SUSPENDED, 9"
    })
    void theSenderIsCheckedBeforeTheRecipient(WhitelistStatus sender, WhitelistStatus recipient, int code) {
        assertEquals(code, RestrictionCode.detect(sender, recipient).code());
    }

    @Test
    void codesAreNumberedInTableOrderWithoutGaps() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), Arrays.stream(RestrictionCode.values()).map(RestrictionCode::code).toList());
    }

    @Test
    void anActiveEntryExpiresAtItsExpiryInstant() {
        Instant expiry = Instant.parse("2031-09-01T00:00:00Z");
        assertEquals(ACTIVE, WhitelistStatus.effective(ACTIVE, expiry, expiry.minusNanos(1)));
        assertEquals(EXPIRED, WhitelistStatus.effective(ACTIVE, expiry, expiry));
        assertEquals(REVOKED, WhitelistStatus.effective(REVOKED, expiry, expiry.plusSeconds(1)));
        assertEquals(NOT_LISTED, WhitelistStatus.effective(null, null, expiry));
        assertEquals(ACTIVE, WhitelistStatus.effective(ACTIVE, null, expiry));
    }
}
