package io.kycwhitelist.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {

    static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void thePackagedApplicationIsProductionUnlessAnotherProfileOrTheLocalDatabaseIsAsked() {
        assertTrue(ProductionSettings.isProduction(props(), Map.of()));
        assertFalse(ProductionSettings.isProduction(props("kyc.local-database.enabled", "true"), Map.of()));
        assertFalse(ProductionSettings.isProduction(props(), Map.of("QUARKUS_PROFILE", "staging")));
        assertFalse(ProductionSettings.isProduction(props("quarkus.profile", "dev"), Map.of()));
        assertFalse(ProductionSettings.isProduction(props(), Map.of("QUARKUS_PROFILE", "production")));
    }

    @Test
    void productionAmongOtherProfilesIsStillProduction() {
        assertTrue(ProductionSettings.isProduction(props(), Map.of("QUARKUS_PROFILE", "prod,eu")));
        assertTrue(ProductionSettings.isProduction(props("quarkus.profile", "eu, prod"), Map.of()));
        assertFalse(ProductionSettings.isProduction(props("quarkus.profile", "dev,eu"), Map.of()));
    }

    @Test
    void everyMissingSettingIsNamedByItsEnvironmentVariable() {
        assertEquals(List.of("QUARKUS_DATASOURCE_USERNAME (quarkus.datasource.username)", "KYC_STATUS_TOKEN_SECRET (kyc.status-token.secret)",
                        "MP_JWT_VERIFY_ISSUER (mp.jwt.verify.issuer)", "MP_JWT_VERIFY_AUDIENCES (mp.jwt.verify.audiences)",
                        "KYC_ENCRYPTION_ACTIVE_KEY (kyc.encryption.active-key)"),
                ProductionSettings.missing(props("quarkus.datasource.password", "p", "mp.jwt.verify.publickey.location", "https://idp/jwks",
                                "kyc.encryption.keys", "k1:AAAA"),
                        Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/kyc", "KYC_STATUS_TOKEN_SECRET", " ")));
    }

    @Test
    void nothingIsMissingWhenAllAreGiven() {
        assertEquals(List.of(), ProductionSettings.missing(props(), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "u", "QUARKUS_DATASOURCE_USERNAME", "u",
                "QUARKUS_DATASOURCE_PASSWORD", "p", "KYC_STATUS_TOKEN_SECRET", "s".repeat(32),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/etc/kyc/issuer.pem", "MP_JWT_VERIFY_ISSUER", "https://idp.example",
                "MP_JWT_VERIFY_AUDIENCES", "kyc-whitelist", "KYC_ENCRYPTION_KEYS", "k1:...", "KYC_ENCRYPTION_ACTIVE_KEY", "k1")));
    }

    @Test
    void theTokenContractSettingsAreRequiredOnlyWhenItsPublicationIsOn() {
        Map<String, String> base = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "u", "QUARKUS_DATASOURCE_USERNAME", "u",
                "QUARKUS_DATASOURCE_PASSWORD", "p", "KYC_STATUS_TOKEN_SECRET", "s".repeat(32),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/etc/kyc/issuer.pem", "MP_JWT_VERIFY_ISSUER", "https://idp.example",
                "MP_JWT_VERIFY_AUDIENCES", "kyc-whitelist", "KYC_ENCRYPTION_KEYS", "k1:...", "KYC_ENCRYPTION_ACTIVE_KEY", "k1");
        assertEquals(List.of(), ProductionSettings.missing(props("kyc.chain.enabled", "false"), base));
        assertEquals(List.of("KYC_CHAIN_CHAIN_ID (kyc.chain.chain-id)", "KYC_CHAIN_OPERATOR_KEY (kyc.chain.operator-key)"),
                ProductionSettings.missing(props("kyc.chain.enabled", "true", "kyc.chain.rpc-url", "https://node.example",
                        "kyc.chain.contract-address", "0x5FbDB2315678afecb367f032d93F642f64180aa3"), base));
    }

    @Test
    void theDevelopmentKeyIsRecognisedAndNoOtherKey() {
        assertTrue(ProductionSettings.isDevelopmentKey("dev/jwt/dev-public.pem"));
        assertTrue(ProductionSettings.isDevelopmentKey("file:dev/jwt/dev-public.pem"));
        assertFalse(ProductionSettings.isDevelopmentKey("src/test/resources/test-jwt/public.pem"));
        assertFalse(ProductionSettings.isDevelopmentKey("https://idp.example/jwks"));
        assertFalse(ProductionSettings.isDevelopmentKey("/no/such/file.pem"));
    }
}
