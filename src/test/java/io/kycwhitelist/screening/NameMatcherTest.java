package io.kycwhitelist.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scoring of names against a few hand-made entries, and against the shipped lists. */
class NameMatcherTest {

    static ListedParty person(String id, String name, List<String> aliases, BirthDate... births) {
        return new ListedParty(SanctionsList.OFAC_SDN, id, PartyType.INDIVIDUAL, name, aliases, List.of(), List.of(births), List.of("SDGT"),
                List.of(), null);
    }

    static final NameMatcher PEOPLE = new NameMatcher(List.of(
            person("1", "Ali Hassan MUHAMMAD", List.of("Abu Ahmad")),
            person("2", "Hikmat Mizban Ibrahim AL-AZZAWI", List.of(), BirthDate.exact(LocalDate.of(1934, 1, 1))),
            person("3", "Abdul Rahman YASIN", List.of()),
            person("4", "Zakir", List.of()),
            person("5", "José María GONZÁLEZ PÉREZ", List.of())), false);

    static final NameMatcher ORGANISATIONS = new NameMatcher(List.of(
            new ListedParty(SanctionsList.OFAC_SDN, "9", PartyType.ENTITY, "BANCO NACIONAL DE CUBA", List.of("NATIONAL BANK OF CUBA"), List.of(),
                    List.of(), List.of("CUBA"), List.of(), null)), true);

    static Optional<NameMatcher.Hit> best(NameMatcher matcher, String name, LocalDate dob) {
        return matcher.screen(name, dob, 0.01).stream().findFirst();
    }

    static double score(String name) {
        return best(PEOPLE, name, null).map(NameMatcher.Hit::score).orElse(0.0);
    }

    @Test
    void caseAccentsPunctuationAndSpacingDoNotMatter() {
        assertEquals(1.0, score("ali hassan muhammad"));
        assertEquals(1.0, score("Jose Maria Gonzalez Perez"));
        assertEquals(1.0, score("Hikmat Mizban Ibrahim Al Azzawi"));
        assertEquals(1.0, score("HIKMAT MIZBAN IBRAHIM AZZAWI"), "the article is left out");
        assertEquals(1.0, score("Abdulrahman Yasin"), "a prefix written joined");
    }

    @Test
    void tokenOrderAndTheCommaFormDoNotMatter() {
        assertTrue(score("MUHAMMAD, Ali Hassan") >= 0.97);
        assertTrue(score("Muhammad Ali Hassan") >= 0.97);
    }

    @Test
    void transliterationVariantsAndTyposStillMatch() {
        assertTrue(score("Ali Hasan Mohammed") >= 0.88, "Mohammed/Muhammad, Hasan/Hassan: " + score("Ali Hasan Mohammed"));
        assertTrue(score("Ali Hassan Muhamad") >= 0.88);
        assertTrue(score("Abdel Rahman Yaseen") >= 0.88, "" + score("Abdel Rahman Yaseen"));
    }

    @Test
    void aMissingMiddleNameCostsLittleAMissingLastNameMuch() {
        double middle = score("Hikmat Ibrahim Al-Azzawi");
        double last = score("Hikmat Mizban Ibrahim");
        assertTrue(middle >= 0.9, "missing middle: " + middle);
        assertTrue(last < 0.88, "missing last: " + last);
    }

    @Test
    void oneAgreeingNamePartIsNotAMatch() {
        assertTrue(score("Zakir Naik") < 0.88, "" + score("Zakir Naik"));
        assertTrue(score("Ali Smith") < 0.88);
        assertEquals(1.0, score("Zakir"), "a one-word listed name matches the same one word");
    }

    @Test
    void aliasesAreScreenedAndTheMatchedNameIsReported() {
        NameMatcher.Hit hit = best(PEOPLE, "Abu Ahmad", null).orElseThrow();
        assertEquals("1", hit.party().entryId());
        assertEquals("Abu Ahmad", hit.matchedName());
    }

    @Test
    void anAgreeingDateOfBirthRaisesTheScoreADifferentOneLowersIt() {
        String name = "Hikmat Ibrahim Al-Azzawi";
        double none = best(PEOPLE, name, null).orElseThrow().score();
        NameMatcher.Hit same = best(PEOPLE, name, LocalDate.of(1934, 1, 1)).orElseThrow();
        NameMatcher.Hit other = best(PEOPLE, name, LocalDate.of(1990, 6, 1)).orElseThrow();
        assertTrue(same.score() > none && other.score() < none, none + " " + same.score() + " " + other.score());
        assertTrue(same.why().contains("same date of birth"));
        assertTrue(other.why().stream().anyMatch(w -> w.startsWith("date of birth differs")));
        assertTrue(best(PEOPLE, "Ali Hassan Muhammad", LocalDate.of(1990, 6, 1)).orElseThrow().score() == 1.0,
                "no date of birth listed: the name alone counts");
    }

    @Test
    void anExactNameIsFlaggedWhateverTheDateOfBirth() {
        double score = best(PEOPLE, "Hikmat Mizban Ibrahim Al-Azzawi", LocalDate.of(1990, 6, 1)).orElseThrow().score();
        assertTrue(score >= NameMatcher.DEFAULT_THRESHOLD, "" + score);
    }

    @Test
    void organisationsAreComparedWithoutLegalFormsAndFillerWords() {
        assertEquals(1.0, best(ORGANISATIONS, "Banco Nacional de Cuba S.A.", null).orElseThrow().score());
        assertEquals(1.0, best(ORGANISATIONS, "The National Bank of Cuba Ltd", null).orElseThrow().score());
        assertFalse(best(ORGANISATIONS, "Banco Nacional de Portugal", null).filter(h -> h.score() >= 0.88).isPresent());
    }

    @Test
    void peopleAreScreenedAgainstTheShippedLists() {
        List<NameMatcher.Hit> hits = ShippedLists.LISTS.screenPerson("Xiaobing Yan", LocalDate.of(1977, 3, 25), NameMatcher.DEFAULT_THRESHOLD);
        assertEquals("25308", hits.get(0).party().entryId());
        assertTrue(ShippedLists.LISTS.screenPerson("Zoë Łukasiewicz", LocalDate.of(1990, 4, 12), NameMatcher.DEFAULT_THRESHOLD).isEmpty());
        assertEquals("306", ShippedLists.LISTS.screenOrganisation("Banco Nacional de Cuba S.A.", NameMatcher.DEFAULT_THRESHOLD).get(0).party().entryId());
    }
}
