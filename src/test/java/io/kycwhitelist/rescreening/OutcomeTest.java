package io.kycwhitelist.rescreening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kycwhitelist.policy.Reason;
import io.kycwhitelist.policy.ReasonCode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @ParameterizedTest(name = "approved={0} restricted={1} newMatch={2} -> {3}")
    @CsvSource({
        "true, false, false, NONE", "true, true, false, SUSPEND", "true, false, true, SUSPEND", "true, true, true, SUSPEND",
        "false, false, false, NONE", "false, true, false, REJECT", "false, false, true, FLAG", "false, true, true, REJECT"
    })
    void holdersAreSuspendedAndOpenApplicationsRejectedOrFlagged(boolean approved, boolean restricted, boolean newMatch, Outcome outcome) {
        assertEquals(outcome, Outcome.of(approved, restricted, newMatch));
    }

    @Test
    void theSuspensionReasonNamesCodesCountriesAndThePolicyButNoPerson() {
        List<Reason> reasons = List.of(
                new Reason(ReasonCode.RESTRICTED_RESIDENCE, "IS", null, "The applicant's country of residence is Iceland ..."),
                new Reason(ReasonCode.RESTRICTED_TAX_RESIDENCE, "IS", null, "..."),
                new Reason(ReasonCode.RESTRICTED_RESIDENCE, "UA", "UA-43", "..."));
        assertEquals("policy p.2: RESTRICTED_RESIDENCE:IS, RESTRICTED_TAX_RESIDENCE:IS, RESTRICTED_RESIDENCE:UA:UA-43",
                Outcome.suspensionReason("p.2", reasons, false));
        assertEquals("policy p.2: RESTRICTED_RESIDENCE:IS, RESTRICTED_TAX_RESIDENCE:IS, RESTRICTED_RESIDENCE:UA:UA-43, possible sanctions match, pending review",
                Outcome.suspensionReason("p.2", reasons, true));
        assertEquals("policy p.2: possible sanctions match, pending review", Outcome.suspensionReason("p.2", List.of(), true));
        assertEquals("policy p.2: SANCTIONED_WALLET",
                Outcome.suspensionReason("p.2", List.of(new Reason(ReasonCode.SANCTIONED_WALLET, null, null, "The wallet 0xAbc ...")), false));
    }
}
