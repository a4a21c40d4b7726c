package io.kycwhitelist.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped policy applied to applicants: every rule, every attribute, every exception. */
class JurisdictionPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static JurisdictionPolicy policy;

    @BeforeAll
    static void loadShippedPolicy() throws IOException {
        try (InputStream in = JurisdictionPolicyTest.class.getClassLoader().getResourceAsStream("policy/jurisdictions.yaml")) {
            policy = PolicyLoader.load(in.readAllBytes(), "shipped");
        }
    }

    /** A German adult with a German passport: restricted by nothing. */
    static Applicant.Person german() {
        return new Applicant.Person(LocalDate.of(1990, 4, 12), List.of("DE"), "DE", null, List.of(), false, DocumentType.PASSPORT, "DE");
    }

    static Applicant.Person with(Applicant.Person p, List<String> citizenships, String residence, String region, List<String> tax, boolean greenCard, DocumentType doc, String docCountry, LocalDate born) {
        return new Applicant.Person(born, citizenships, residence, region, tax, greenCard, doc, docCountry);
    }

    static PolicyDecision decide(Applicant.Person person) {
        return policy.evaluate(Applicant.individual(person, false), TODAY);
    }

    static List<ReasonCode> codes(PolicyDecision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void anUnrestrictedAdultIsNotRejectedAndCarriesThePolicyVersion() {
        PolicyDecision decision = decide(german());
        assertFalse(decision.rejected());
        assertTrue(decision.reasons().isEmpty());
        assertTrue(decision.flags().isEmpty());
        assertEquals("2026-11-22.1", decision.policyVersion());
    }

    @Nested
    class EveryAttributeOfAnIndividual {

        @ParameterizedTest
        @ValueSource(strings = {"US", "SG", "HK", "CN", "WS", "SC", "CU", "IR", "KP", "SY"})
        void aRestrictedCitizenshipRejects(String country) {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("DE", country), "DE", null, List.of(), false, DocumentType.NATIONAL_ID, "DE", p.dateOfBirth()));
            assertEquals(List.of(ReasonCode.RESTRICTED_CITIZENSHIP), codes(d));
            assertEquals(country, d.reasons().get(0).country());
        }

        @Test
        void aRestrictedResidenceRejectsAlsoAsTheImpliedTaxResidence() {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("DE"), "SG", null, List.of(), false, DocumentType.PASSPORT, "DE", p.dateOfBirth()));
            assertEquals(List.of(ReasonCode.RESTRICTED_RESIDENCE, ReasonCode.RESTRICTED_TAX_RESIDENCE), codes(d));
        }

        @Test
        void aRestrictedTaxResidenceAloneRejects() {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("DE"), "DE", null, List.of("DE", "SC"), false, DocumentType.PASSPORT, "DE", p.dateOfBirth()));
            assertEquals(List.of(ReasonCode.RESTRICTED_TAX_RESIDENCE), codes(d));
            assertEquals("SC", d.reasons().get(0).country());
        }

        @Test
        void aGreenCardRejects() {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("DE"), "DE", null, List.of(), true, DocumentType.PASSPORT, "DE", p.dateOfBirth()));
            assertEquals(List.of(ReasonCode.US_PERMANENT_RESIDENT), codes(d));
            assertEquals("US", d.reasons().get(0).country());
        }

        @Test
        void anIdDocumentIssuedByARestrictedCountryRejects() {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("DE"), "DE", null, List.of(), false, DocumentType.RESIDENCE_PERMIT, "CN", p.dateOfBirth()));
            assertEquals(List.of(ReasonCode.RESTRICTED_DOCUMENT_COUNTRY), codes(d));
        }

        @ParameterizedTest
        @ValueSource(strings = {"UA-43", "UA-40", "UA-14", "UA-09"})
        void aRestrictedRegionOfResidenceRejectsNamingTheRegion(String region) {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("UA"), "UA", region, List.of(), false, DocumentType.PASSPORT, "UA", p.dateOfBirth()));
            assertEquals(List.of(ReasonCode.RESTRICTED_RESIDENCE), codes(d));
            assertEquals(region, d.reasons().get(0).subdivision());
            assertEquals("UA", d.reasons().get(0).country());
        }

        @Test
        void anUnrestrictedRegionOfAPartlyRestrictedCountryIsFine() {
            var p = german();
            assertFalse(decide(with(p, List.of("UA"), "UA", "UA-30", List.of(), false, DocumentType.PASSPORT, "UA", p.dateOfBirth())).rejected());
        }

        @Test
        void everyReasonThatAppliesIsCollected() {
            PolicyDecision d = decide(new Applicant.Person(TODAY.minusYears(17), List.of("US", "CN"), "SG", null, List.of("HK"), true, DocumentType.PASSPORT, "IR"));
            assertEquals(List.of(ReasonCode.RESTRICTED_CITIZENSHIP, ReasonCode.RESTRICTED_CITIZENSHIP, ReasonCode.RESTRICTED_RESIDENCE,
                    ReasonCode.RESTRICTED_TAX_RESIDENCE, ReasonCode.US_PERMANENT_RESIDENT, ReasonCode.RESTRICTED_DOCUMENT_COUNTRY, ReasonCode.UNDERAGE), codes(d));
        }
    }

    @Nested
    class UnitedStatesTerritories {

        @ParameterizedTest
        @ValueSource(strings = {"PR", "GU", "VI", "AS", "MP", "UM"})
        void residentsOfTerritoriesAndPossessionsAreRestrictedAsTheUnitedStates(String territory) {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("DE"), territory, null, List.of("DE"), false, DocumentType.PASSPORT, "DE", p.dateOfBirth()));
            assertEquals(List.of(ReasonCode.RESTRICTED_RESIDENCE), codes(d));
            assertEquals(territory, d.reasons().get(0).country());
        }
    }

    @Nested
    class Age {

        @Test
        void anApplicantTurning18TodayIsAnAdult() {
            var p = german();
            assertFalse(decide(with(p, List.of("DE"), "DE", null, List.of(), false, DocumentType.PASSPORT, "DE", TODAY.minusYears(18))).rejected());
        }

        @Test
        void anApplicantTurning18TomorrowIsUnderage() {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("DE"), "DE", null, List.of(), false, DocumentType.PASSPORT, "DE", TODAY.minusYears(18).plusDays(1)));
            assertEquals(List.of(ReasonCode.UNDERAGE), codes(d));
            assertEquals(null, d.reasons().get(0).country());
        }
    }

    @Nested
    class HongKongProfessionalInvestors {

        static Applicant.Person hongKonger() {
            return new Applicant.Person(LocalDate.of(1985, 1, 1), List.of("HK"), "HK", null, List.of(), false, DocumentType.PASSPORT, "HK");
        }

        @Test
        void aHongKongApplicantClaimingTheStatusIsFlaggedNotRejected() {
            PolicyDecision d = policy.evaluate(Applicant.individual(hongKonger(), true), TODAY);
            assertFalse(d.rejected());
            assertEquals(Set.of(Flag.PROFESSIONAL_INVESTOR_EXCEPTION), d.flags());
        }

        @Test
        void aHongKongApplicantWithoutTheClaimIsRejected() {
            PolicyDecision d = policy.evaluate(Applicant.individual(hongKonger(), false), TODAY);
            assertEquals(List.of(ReasonCode.RESTRICTED_CITIZENSHIP, ReasonCode.RESTRICTED_RESIDENCE, ReasonCode.RESTRICTED_TAX_RESIDENCE,
                    ReasonCode.RESTRICTED_DOCUMENT_COUNTRY), codes(d));
            assertTrue(d.flags().isEmpty());
        }

        @Test
        void theExceptionDoesNotCoverAnotherRestriction() {
            var hk = hongKonger();
            PolicyDecision d = policy.evaluate(Applicant.individual(
                    with(hk, List.of("HK", "CN"), "HK", null, List.of(), false, DocumentType.PASSPORT, "HK", hk.dateOfBirth()), true), TODAY);
            assertTrue(d.rejected());
            assertTrue(codes(d).contains(ReasonCode.RESTRICTED_CITIZENSHIP));
            assertFalse(d.flags().contains(Flag.PROFESSIONAL_INVESTOR_EXCEPTION));
        }

        @Test
        void theExceptionDoesNotCoverAnUnderageApplicant() {
            var hk = hongKonger();
            PolicyDecision d = policy.evaluate(Applicant.individual(
                    with(hk, List.of("HK"), "HK", null, List.of(), false, DocumentType.PASSPORT, "HK", TODAY.minusYears(16)), true), TODAY);
            assertTrue(codes(d).contains(ReasonCode.UNDERAGE));
        }

        @Test
        void theExceptionIsHongKongsAlone() {
            var p = german();
            PolicyDecision d = policy.evaluate(Applicant.individual(
                    with(p, List.of("SG"), "DE", null, List.of(), false, DocumentType.PASSPORT, "DE", p.dateOfBirth()), true), TODAY);
            assertEquals(List.of(ReasonCode.RESTRICTED_CITIZENSHIP), codes(d));
        }

        @Test
        void aClaimWithoutAHongKongTieChangesNothing() {
            PolicyDecision d = policy.evaluate(Applicant.individual(german(), true), TODAY);
            assertFalse(d.rejected());
            assertTrue(d.flags().isEmpty());
        }
    }

    @Nested
    class Organisations {

        static PolicyDecision decideOrganization(Applicant.Person representative, String incorporation, String business, boolean pi) {
            return policy.evaluate(new Applicant(representative, new Applicant.Organization(incorporation, business), pi), TODAY);
        }

        @Test
        void aGermanCompanyWithAGermanRepresentativeIsNotRejected() {
            assertFalse(decideOrganization(german(), "DE", "DE", false).rejected());
        }

        @Test
        void incorporationInARestrictedCountryRejects() {
            PolicyDecision d = decideOrganization(german(), "SC", "DE", false);
            assertEquals(List.of(ReasonCode.RESTRICTED_INCORPORATION), codes(d));
            assertTrue(d.reasons().get(0).message().startsWith("The organisation's"));
        }

        @Test
        void aRestrictedPrincipalPlaceOfBusinessRejects() {
            assertEquals(List.of(ReasonCode.RESTRICTED_PLACE_OF_BUSINESS), codes(decideOrganization(german(), "DE", "WS", false)));
        }

        @Test
        void theRepresentativeIsCheckedAsAnIndividual() {
            var p = german();
            PolicyDecision d = decideOrganization(with(p, List.of("US"), "DE", null, List.of(), false, DocumentType.PASSPORT, "DE", p.dateOfBirth()), "DE", "DE", false);
            assertEquals(List.of(ReasonCode.RESTRICTED_CITIZENSHIP), codes(d));
            assertTrue(d.reasons().get(0).message().startsWith("The representative's"));
        }

        @Test
        void aHongKongCompanyClaimingProfessionalInvestorStatusIsFlagged() {
            PolicyDecision d = decideOrganization(german(), "HK", "HK", true);
            assertFalse(d.rejected());
            assertEquals(Set.of(Flag.PROFESSIONAL_INVESTOR_EXCEPTION), d.flags());
        }
    }

    @Nested
    class DocumentNationality {

        @Test
        void aPassportOfACountryNotAmongTheCitizenshipsIsFlagged() {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("DE"), "DE", null, List.of(), false, DocumentType.PASSPORT, "AT", p.dateOfBirth()));
            assertFalse(d.rejected());
            assertEquals(Set.of(Flag.DOCUMENT_NATIONALITY_MISMATCH), d.flags());
        }

        @ParameterizedTest
        @EnumSource(value = DocumentType.class, names = "PASSPORT", mode = EnumSource.Mode.EXCLUDE)
        void otherDocumentsMayBeIssuedByTheCountryOfResidence(DocumentType type) {
            var p = german();
            PolicyDecision d = decide(with(p, List.of("PL"), "DE", null, List.of(), false, type, "DE", p.dateOfBirth()));
            assertTrue(d.flags().isEmpty());
        }
    }

    @Test
    void theShippedPolicyRestrictsEveryAttributeOfEveryCountry() {
        for (RestrictedCountry c : policy.countries()) {
            assertEquals(Set.of(Attribute.values()), c.appliesTo(), c.code());
        }
        assertEquals(List.of("HK"), policy.countries().stream().filter(c -> c.exemption().isPresent()).map(RestrictedCountry::code).toList());
    }
}
