package io.kycwhitelist.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void foldsCaseDiacriticsAndPunctuation() {
        assertEquals(List.of("zoe", "lukasiewicz"), Names.tokens("Zoë Łukasiewicz", false));
        assertEquals(List.of("sean", "obrien"), Names.tokens("Seán O'Brien", false));
        assertEquals(List.of("jurgen", "strasse"), Names.tokens("JÜRGEN   STRASSE", false));
        assertEquals(List.of("jurgen", "strasse"), Names.tokens("Jürgen Straße", false));
        assertEquals(List.of("sabawi", "tikriti"), Names.tokens("SAB'AWI Al-Tikriti", false));
    }

    @Test
    void readsTheCommaFormOfAPersonsName() {
        assertEquals(List.of("xiaobing", "yan"), Names.tokens("YAN, Xiaobing", false));
        assertEquals(List.of("acme", "trading"), Names.tokens("ACME, TRADING, LTD.", true));
    }

    @Test
    void leavesOutLegalFormsOfOrganisationsAlsoMisspelt() {
        assertEquals(List.of("banco", "nacional", "cuba"), Names.tokens("Banco Nacional de Cuba, S.A.", true));
        assertEquals(List.of("shomal", "cement"), Names.tokens("SHOMAL CEMENT COMPAANY", true));
        assertEquals(List.of("grupo", "corporativo"), Names.tokens("Grupo Corporativo", true), "two letters from 'corporation' is a word");
    }

    @Test
    void indexesPrefixesBothJoinedAndApart() {
        assertEquals(List.of(List.of("abdul", "rahman", "yasin"), List.of("abdulrahman", "yasin")), Names.forms("Abdul Rahman YASIN", false));
        assertEquals(List.of(List.of("ibrahim"), List.of("alibrahim")), Names.forms("AL-IBRAHIM", false));
    }

    @Test
    void skeletonsJoinCommonTransliterations() {
        assertEquals(Names.skeleton("mohammed"), Names.skeleton("muhammad"));
        assertEquals(Names.skeleton("mohamad"), Names.skeleton("muhammad"));
        assertEquals(Names.skeleton("yusuf"), Names.skeleton("youssef"));
        assertEquals(Names.skeleton("husayn"), Names.skeleton("hussein"));
        assertEquals(Names.skeleton("khalid"), Names.skeleton("halid"));
        assertNotEquals(Names.skeleton("smith"), Names.skeleton("schmidt"));
        assertEquals("حكمت", Names.skeleton("حكمت"), "other scripts are their own key");
    }

    @Test
    void tellsOneEditFromMore() {
        assertTrue(Names.oneEditApart("company", "compnay"));
        assertTrue(Names.oneEditApart("company", "companny"));
        assertTrue(Names.oneEditApart("company", "cmpany"));
        assertTrue(Names.oneEditApart("company", "cumpany"));
        assertFalse(Names.oneEditApart("corporation", "corporativo"));
        assertFalse(Names.oneEditApart("limited", "united"));
    }
}
