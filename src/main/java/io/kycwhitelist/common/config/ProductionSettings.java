package io.kycwhitelist.common.config;

import io.kycwhitelist.common.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The settings production cannot run without, checked before Quarkus starts so that one message
 * names every missing setting. Production takes them from the environment (or system
 * properties); the application's own properties file holds none of them.
 */
public final class ProductionSettings {

    static final List<String> REQUIRED = List.of(
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "kyc.status-token.secret",
            "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.issuer",
            "mp.jwt.verify.audiences",
            "kyc.encryption.keys",
            "kyc.encryption.active-key");

    /** Required too when the token contract publication is on (kyc.chain.enabled). */
    static final List<String> REQUIRED_FOR_CHAIN = List.of(
            "kyc.chain.rpc-url",
            "kyc.chain.chain-id",
            "kyc.chain.contract-address",
            "kyc.chain.operator-key");

    private ProductionSettings() {}

    /**
     * True when this JVM runs the packaged application in its production profile: {@code prod},
     * alone or among others ({@code prod,eu}).
     */
    public static boolean isProduction(Properties system, Map<String, String> env) {
        String profiles = system.getProperty("quarkus.profile", env.getOrDefault("QUARKUS_PROFILE", "prod"));
        return !Boolean.parseBoolean(system.getProperty("kyc.local-database.enabled"))
                && Arrays.stream(profiles.split(",")).map(String::trim).anyMatch("prod"::equals);
    }

    /** The missing settings, each as "ENVIRONMENT_VARIABLE (property)". */
    public static List<String> missing(Properties system, Map<String, String> env) {
        boolean chain = Boolean.parseBoolean(value(system, env, "kyc.chain.enabled"));
        return Stream.concat(REQUIRED.stream(), chain ? REQUIRED_FOR_CHAIN.stream() : Stream.empty())
                .filter(name -> isBlank(system.getProperty(name)) && isBlank(env.get(envName(name))))
                .map(name -> envName(name) + " (" + name + ")")
                .toList();
    }

    /** Refuses to go on, naming every missing setting, when production lacks one. */
    public static void requireInProduction() {
        Properties system = System.getProperties();
        Map<String, String> env = System.getenv();
        if (!isProduction(system, env)) {
            return;
        }
        List<String> missing = missing(system, env);
        if (!missing.isEmpty()) {
            // Logging is not set up yet: the JVM prints this one line (no stack trace) and exits with 1.
            throw new MissingSettingsException("kyc-whitelist cannot start in production: missing setting(s) " + String.join(", ", missing)
                    + ". Give them as environment variables; production never starts an embedded database.");
        }
        String keyLocation = value(system, env, "mp.jwt.verify.publickey.location");
        if (isDevelopmentKey(keyLocation)) {
            throw new MissingSettingsException("kyc-whitelist cannot start in production: MP_JWT_VERIFY_PUBLICKEY_LOCATION is the "
                    + "development key of dev/jwt/, whose private half is public. Give the key of the organisation's token issuer.");
        }
    }

    /** SHA-256 of the DER form of the development public key in dev/jwt/dev-public.pem. */
    static final String DEVELOPMENT_KEY_SHA256 = "9d236a20711f9e67b6d6cf01b0fb7f0f76095d2c70a215e1acb3cbfcf1e7ba97";

    /** True when the location is a local PEM file holding the development public key. */
    static boolean isDevelopmentKey(String location) {
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        try {
            if (location.contains("://") && !location.startsWith("file:") || !Files.isRegularFile(file)) {
                return false;
            }
            String pem = Files.readString(file);
            int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
            int end = pem.indexOf("-----END PUBLIC KEY-----");
            if (begin < 0 || end < begin) {
                return false;
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end));
            return Hashes.sha256Hex(der).equals(DEVELOPMENT_KEY_SHA256);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String value(Properties system, Map<String, String> env, String name) {
        String fromSystem = system.getProperty(name);
        return isBlank(fromSystem) ? env.get(envName(name)) : fromSystem;
    }

    static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Ends the start; its message says what to set. */
    public static final class MissingSettingsException extends RuntimeException {
        MissingSettingsException(String message) {
            super(message, null, false, false);
        }
    }
}
