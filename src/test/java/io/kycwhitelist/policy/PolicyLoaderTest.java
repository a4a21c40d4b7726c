package io.kycwhitelist.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

    static final String MINIMAL = """
            version: "test-1"
            effectiveDate: 2026-01-01
            minimumAge: 18
            acceptedTermsVersions: ["t1"]
            countries:
              - code: US
                basis: test
            """;

    static JurisdictionPolicy load(String yaml) {
        return PolicyLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    static String failure(String yaml) {
        return assertThrows(PolicyLoader.InvalidPolicyException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void aCountryWithoutAttributesIsRestrictedForAllOfThemAndNamedInEnglish() {
        RestrictedCountry us = load(MINIMAL).country("US").orElseThrow();
        assertEquals(Set.of(Attribute.values()), us.appliesTo());
        assertEquals("United States", us.name());
        assertEquals(Optional.empty(), us.exemption());
    }

    @Test
    void aCountryCanBeRestrictedForSomeAttributesOnly() {
        JurisdictionPolicy policy = load(MINIMAL + "    appliesTo: [RESIDENCE]\n");
        assertEquals(Set.of(Attribute.RESIDENCE), policy.country("US").orElseThrow().appliesTo());
    }

    @Test
    void walletProofsAreRequiredUnlessThePolicySaysOptional() {
        org.junit.jupiter.api.Assertions.assertEquals(WalletProof.REQUIRED, load(MINIMAL).walletProof());
        org.junit.jupiter.api.Assertions.assertEquals(WalletProof.OPTIONAL, load(MINIMAL.replace("minimumAge: 18", "minimumAge: 18\nwalletProof: OPTIONAL")).walletProof());
        String unknownValue = failure(MINIMAL.replace("minimumAge: 18", "minimumAge: 18\nwalletProof: SOMETIMES"));
        assertTrue(unknownValue.contains("not a valid policy file: walletProof has a value that is not one of the allowed ones (line"), unknownValue);
        assertTrue(!unknownValue.contains("io.kycwhitelist") && !unknownValue.contains("java."), "no Java types: " + unknownValue);
    }

    @Test
    void theContentHashChangesWithTheContent() {
        assertNotEquals(load(MINIMAL).sha256(), load(MINIMAL + "\n# comment\n").sha256());
        assertEquals(64, load(MINIMAL).sha256().length());
    }

    @Test
    void anUnknownCountryCodeIsRefused() {
        assertTrue(failure(MINIMAL.replace("code: US", "code: XK")).contains("'XK' is not an upper-case ISO 3166-1 alpha-2 code"));
    }

    @Test
    void aLowerCaseCodeIsRefused() {
        assertTrue(failure(MINIMAL.replace("code: US", "code: us")).contains("'us'"));
    }

    @Test
    void aCountryListedTwiceIsRefused() {
        assertTrue(failure(MINIMAL + "  - code: US\n    basis: again\n").contains("US is listed twice"));
    }

    @Test
    void aMissingVersionIsRefused() {
        assertTrue(failure(MINIMAL.replace("version: \"test-1\"\n", "")).contains("version is missing"));
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        assertTrue(failure(MINIMAL + "    exeption: PROFESSIONAL_INVESTOR\n").contains("exeption"));
    }

    @Test
    void anUnknownAttributeIsRefused() {
        assertTrue(failure(MINIMAL + "    appliesTo: [BIRTHPLACE]\n").contains("not a valid policy file"));
    }

    @Test
    void aMalformedSubdivisionIsRefused() {
        assertTrue(failure(MINIMAL + "subdivisions:\n  - code: UA43\n    name: x\n    basis: y\n").contains("'UA43'"));
    }

    @Test
    void brokenYamlIsRefusedNamingTheSource() {
        assertTrue(failure("version: [").startsWith("test.yaml"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertTrue(failure("").contains("test.yaml"));
    }
}
