package io.kycwhitelist.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE", "de", "Us", "UM", "SS"})
    void assignedCodesAreAcceptedInAnyCase(String code) {
        assertTrue(Countries.isAssigned(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "XK", "UK", "DEU", "D", ""})
    void unassignedOrMalformedCodesAreRefused(String code) {
        assertFalse(Countries.isAssigned(code));
    }

    @Test
    void namesAreEnglish() {
        assertEquals("Germany", Countries.name("de"));
    }

    @Test
    void subdivisionCodesNeedAnAssignedCountry() {
        assertTrue(Countries.isSubdivisionCode("UA-43"));
        assertTrue(Countries.isSubdivisionCode("gb-eng"));
        assertFalse(Countries.isSubdivisionCode("XX-43"));
        assertFalse(Countries.isSubdivisionCode("UA43"));
        assertFalse(Countries.isSubdivisionCode("UA-4321"));
    }
}
